-- Share of launched drones and missiles shot down, by weapon class and month.
-- Only nights that report both launched and downed for a class are counted, so
-- a night with a downed figure alone does not bias the share.
-- param: side = russia -- whose weapons
-- param: start = -- first night included, YYYY-MM-DD (empty: no bound)
-- param: end = -- last night included, YYYY-MM-DD (empty: no bound)
SELECT
    CAST(date_trunc('month', date) AS DATE) AS month,
    weapon_class,
    CAST(count(*) AS BIGINT) AS nights,
    CAST(sum(launched) AS BIGINT) AS launched,
    CAST(sum(downed) AS BIGINT) AS downed,
    round(CAST(sum(downed) AS DOUBLE) / sum(launched), 3) AS share_downed
FROM air_defence
WHERE side = $side
    AND launched > 0
    AND downed IS NOT NULL
    AND date >= coalesce(CAST(nullif($start, '') AS DATE), DATE '1900-01-01')
    AND date <= coalesce(CAST(nullif($end, '') AS DATE), DATE '2999-12-31')
GROUP BY month, weapon_class
ORDER BY month, weapon_class;
