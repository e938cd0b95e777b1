-- Rolling 7- and 30-day averages of one daily series (default: drones Russia launched).
-- avg_7d / avg_30d are the mean over the reported days in the 7 (30) calendar
-- days ending on each date; days with no report are not counted as zero
-- (days_7d / days_30d say how many days each mean is based on).
-- param: subject = drone -- what is counted (drone, cruise_missile, person, ...)
-- param: measure = launched -- launched, downed, lost, killed, injured, ...
-- param: side = russia -- whose weapons or people
SELECT
    date,
    value,
    round(avg(value) OVER last_7, 2) AS avg_7d,
    CAST(count(*) OVER last_7 AS BIGINT) AS days_7d,
    round(avg(value) OVER last_30, 2) AS avg_30d,
    CAST(count(*) OVER last_30 AS BIGINT) AS days_30d
FROM daily_series
WHERE subject = $subject
    AND measure = $measure
    AND side = $side
WINDOW
    last_7 AS (ORDER BY date RANGE BETWEEN INTERVAL 6 DAYS PRECEDING AND CURRENT ROW),
    last_30 AS (ORDER BY date RANGE BETWEEN INTERVAL 29 DAYS PRECEDING AND CURRENT ROW)
ORDER BY date;
