-- Facts where sources disagree: one date, subject, measure, side and place, several values.
-- Values are compared within one place: a regional part ("including 25 over the
-- Rostov region") is not a rival of the national total, and a preliminary toll
-- next to an updated one shows here. Each value is listed with its reporter and
-- number of outlets; default_value is the one the daily series uses (null when
-- the series takes another place's claim, e.g. the national one). (The grouping
-- is the view claim_disagreements, in analytics/sql/10_claims.sql.)
-- param: side = any -- whose weapons or people ('any' for all sides)
-- param: start = -- first date included, YYYY-MM-DD (empty: no bound)
-- param: end = -- last date included, YYYY-MM-DD (empty: no bound)
SELECT
    date,
    subject,
    measure,
    side,
    location,
    n_values,
    default_value,
    min_value,
    max_value,
    claims
FROM claim_disagreements
WHERE ($side = 'any' OR side = $side)
    AND date >= coalesce(CAST(nullif($start, '') AS DATE), DATE '1900-01-01')
    AND date <= coalesce(CAST(nullif($end, '') AS DATE), DATE '2999-12-31')
ORDER BY date, subject, measure, side, location;
