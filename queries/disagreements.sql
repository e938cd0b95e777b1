-- Facts where sources disagree: one date, subject, measure, side and place, several values.
-- Values are compared within one place: a regional part ("including 25 over the
-- Rostov region") is not a rival of the national total, and a preliminary toll
-- next to an updated one shows here. Each value is listed with its reporter and
-- number of outlets; default_value is the one the daily series uses (null when
-- the series takes another place's claim, e.g. the national one).
-- param: side = any -- whose weapons or people ('any' for all sides)
-- param: start = -- first date included, YYYY-MM-DD (empty: no bound)
-- param: end = -- last date included, YYYY-MM-DD (empty: no bound)
SELECT
    event_date AS date,
    subject,
    measure,
    side,
    min(location) AS location,
    CAST(count(*) AS BIGINT) AS n_values,
    max(CASE WHEN is_default THEN value END) AS default_value,
    min(value) AS min_value,
    max(value) AS max_value,
    string_agg(
        CAST(value AS VARCHAR) || ' (' || coalesce(reported_by, 'unattributed') || ', '
            || CAST(n_sources AS VARCHAR) || ' source' || CASE WHEN n_sources = 1 THEN '' ELSE 's' END
            || ')',
        '; ' ORDER BY value) AS claims
FROM claims
WHERE NOT cumulative
    AND event_date IS NOT NULL
    AND ($side = 'any' OR side = $side)
    AND event_date >= coalesce(CAST(nullif($start, '') AS DATE), DATE '1900-01-01')
    AND event_date <= coalesce(CAST(nullif($end, '') AS DATE), DATE '2999-12-31')
GROUP BY event_date, subject, measure, side, lower(location)
HAVING count(*) > 1
ORDER BY date, subject, measure, side, location;
