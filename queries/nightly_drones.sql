-- Nightly drones launched vs shot down, one row per night.
-- From the air_defence view (default claims only, one value per night): how many
-- drones a side launched, how many were downed and lost (jammed, did not reach
-- a target), and the share downed. Nights are the day the night ended.
-- param: side = russia -- whose drones (russia, ukraine, ...)
-- param: start = -- first night included, YYYY-MM-DD (empty: no bound)
-- param: end = -- last night included, YYYY-MM-DD (empty: no bound)
SELECT
    date,
    launched,
    downed,
    lost,
    round(share_downed, 3) AS share_downed
FROM air_defence
WHERE weapon_class = 'drone'
    AND side = $side
    AND date >= coalesce(CAST(nullif($start, '') AS DATE), DATE '1900-01-01')
    AND date <= coalesce(CAST(nullif($end, '') AS DATE), DATE '2999-12-31')
ORDER BY date;
