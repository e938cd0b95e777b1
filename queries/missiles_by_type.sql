-- Missiles by type: launched and downed per missile class and named model.
-- Sums the default nightly claims (no cumulative totals) over the period; the
-- model is the weapon named with the figure (kh-101, kalibr, iskander-m, ...),
-- '(not named)' when the text gave only the class.
-- param: side = russia -- whose missiles
-- param: start = -- first night included, YYYY-MM-DD (empty: no bound)
-- param: end = -- last night included, YYYY-MM-DD (empty: no bound)
SELECT
    subject AS missile_class,
    coalesce(weapon, '(not named)') AS weapon,
    CAST(sum(CASE WHEN measure = 'launched' THEN value END) AS BIGINT) AS launched,
    CAST(sum(CASE WHEN measure = 'downed' THEN value END) AS BIGINT) AS downed,
    CAST(count(DISTINCT event_date) AS BIGINT) AS nights
FROM claims
WHERE is_default
    AND NOT cumulative
    AND event_date IS NOT NULL
    AND subject IN ('missile', 'cruise_missile', 'ballistic_missile', 'guided_missile')
    AND measure IN ('launched', 'downed')
    AND side = $side
    AND event_date >= coalesce(CAST(nullif($start, '') AS DATE), DATE '1900-01-01')
    AND event_date <= coalesce(CAST(nullif($end, '') AS DATE), DATE '2999-12-31')
GROUP BY missile_class, weapon
ORDER BY launched DESC NULLS LAST, missile_class, weapon;
