-- Deadliest days: the days with the most people reported killed.
-- killed is the largest of the day's person, civilian and soldier tolls (they
-- overlap: "five people, including two children" counts the children twice if
-- added), summed over sides; children_killed and injured are shown beside it.
-- param: limit = 10 -- how many days
-- param: start = -- first day included, YYYY-MM-DD (empty: no bound)
-- param: end = -- last day included, YYYY-MM-DD (empty: no bound)
WITH per_side AS (
    SELECT
        date,
        side,
        greatest(
            coalesce(max(CASE WHEN subject = 'person' THEN killed END), 0),
            coalesce(max(CASE WHEN subject = 'civilian' THEN killed END), 0),
            coalesce(max(CASE WHEN subject = 'soldier' THEN killed END), 0)) AS killed,
        coalesce(max(CASE WHEN subject = 'child' THEN killed END), 0) AS children_killed,
        greatest(
            coalesce(max(CASE WHEN subject = 'person' THEN injured END), 0),
            coalesce(max(CASE WHEN subject = 'civilian' THEN injured END), 0),
            coalesce(max(CASE WHEN subject = 'soldier' THEN injured END), 0)) AS injured
    FROM casualties_daily
    WHERE date >= coalesce(CAST(nullif($start, '') AS DATE), DATE '1900-01-01')
        AND date <= coalesce(CAST(nullif($end, '') AS DATE), DATE '2999-12-31')
    GROUP BY date, side
)
SELECT
    date,
    CAST(sum(killed) AS BIGINT) AS killed,
    CAST(sum(children_killed) AS BIGINT) AS children_killed,
    CAST(sum(injured) AS BIGINT) AS injured
FROM per_side
GROUP BY date
HAVING sum(killed) > 0
ORDER BY killed DESC, date DESC
LIMIT CAST($limit AS BIGINT);
