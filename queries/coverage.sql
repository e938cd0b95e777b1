-- Coverage: the days with no report, between two dates.
-- A day is covered when the daily series has at least one value for it (of the
-- given subject, or of anything with 'any'). Empty bounds mean the first and
-- last reported day. gap_days is the length of the run of missing days the day
-- belongs to.
-- param: subject = any -- what must be reported (drone, person, ... or 'any')
-- param: start = -- first day checked, YYYY-MM-DD (empty: first reported day)
-- param: end = -- last day checked, YYYY-MM-DD (empty: last reported day)
WITH reported AS (
    SELECT DISTINCT date
    FROM daily_series
    WHERE $subject = 'any' OR subject = $subject
),
bounds AS (
    SELECT
        coalesce(CAST(nullif($start, '') AS DATE), min(date)) AS first_day,
        coalesce(CAST(nullif($end, '') AS DATE), max(date)) AS last_day
    FROM reported
),
days AS (
    SELECT CAST(unnest(generate_series(first_day, last_day, INTERVAL 1 DAY)) AS DATE) AS date
    FROM bounds
    WHERE first_day IS NOT NULL AND last_day IS NOT NULL
),
missing AS (
    SELECT
        d.date,
        d.date - CAST(row_number() OVER (ORDER BY d.date) AS INTEGER) AS run
    FROM days AS d
    WHERE d.date NOT IN (SELECT date FROM reported)
)
SELECT
    date,
    strftime(date, '%A') AS weekday,
    CAST(count(*) OVER (PARTITION BY run) AS BIGINT) AS gap_days
FROM missing
ORDER BY date;
