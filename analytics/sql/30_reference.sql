-- Reference series: the Ukrainian Air Force nightly dataset ("Massive Missile
-- Attacks on Ukraine", Petro Ivaniuk / piterfm, Kaggle), loaded by
-- `figures reference load FILE.csv` (analytics/reference.py) into
-- `reference_daily`, one row per weapon model per report window, and compared
-- night by night with the series extracted from text.
--
-- The table is created empty here so that the comparison view exists before any
-- reference is loaded; the loader replaces its rows, never its columns.

CREATE TABLE IF NOT EXISTS reference_daily (
    date DATE NOT NULL,            -- the day of time_end (the day the night ended)
    time_start TIMESTAMP,
    time_end TIMESTAMP NOT NULL,
    model VARCHAR NOT NULL,        -- as written in the file, e.g. 'X-101/X-555 and Kalibr'
    weapon_class VARCHAR,          -- drone, cruise_missile, ballistic_missile, ... (null: unknown model)
    launched BIGINT,
    destroyed BIGINT,
    not_reach_goal BIGINT,         -- "locationally lost": jammed, did not reach a target
    target VARCHAR,
    channel VARCHAR,               -- the posting channel: kpszsu, PvKPivden, GeneralStaff.ua, ...
    source VARCHAR NOT NULL,       -- the post, e.g. kpszsu/posts/pfbid...
    csv_line INTEGER NOT NULL      -- line in the loaded file, for tracing a value back
);

-- reference_comparison: per date, weapon class and measure (launched, downed,
-- lost), the reference value next to the extracted default series for side
-- 'russia'. status: 'same', 'differs' (difference = extracted - reference),
-- 'only_reference', 'only_extracted'.
--   * The reference is summed per date and weapon class over the posts of the
--     national command (kpszsu, GeneralStaff.ua, CinCAFU); the regional commands
--     (PvKPivden, pvkshid, ...) repeat parts of the same nights and are left out.
--   * destroyed -> downed, not_reach_goal -> lost; a measure the reference leaves
--     empty for a night is not compared.
--   * 'aerial_target' (drones and missiles given as one number) is compared with
--     the sum of all the night's classes, on the nights a text gave such a
--     total; the reference's own mixed bundles ("Shahed and Kalibr", rare) count
--     only in that sum, never as a class of their own.
--   * Reference-only nights are listed only inside the span of dates the
--     extracted series covers (all of them when nothing is extracted), so a
--     few nights of news are not drowned by years of reference rows.
CREATE OR REPLACE VIEW reference_comparison AS
WITH national AS (
    SELECT *
    FROM reference_daily
    WHERE channel IN ('kpszsu', 'GeneralStaff.ua', 'CinCAFU')
        AND weapon_class IS NOT NULL
),
reference AS (
    SELECT date, weapon_class, 'launched' AS measure, CAST(sum(launched) AS BIGINT) AS value
    FROM national GROUP BY date, weapon_class
    UNION ALL
    SELECT date, weapon_class, 'downed' AS measure, CAST(sum(destroyed) AS BIGINT) AS value
    FROM national GROUP BY date, weapon_class
    UNION ALL
    SELECT date, weapon_class, 'lost' AS measure, CAST(sum(not_reach_goal) AS BIGINT) AS value
    FROM national GROUP BY date, weapon_class
),
extracted AS (
    SELECT date, subject AS weapon_class, measure, value
    FROM daily_series
    WHERE side = 'russia'
        AND measure IN ('launched', 'downed', 'lost')
        AND subject IN (
            'drone', 'cruise_missile', 'ballistic_missile', 'guided_missile', 'missile',
            'aerial_target')
),
reference_totals AS (
    -- all classes together, for the nights a text gave one total ("aerial targets")
    SELECT r.date, 'aerial_target' AS weapon_class, r.measure, CAST(sum(r.value) AS BIGINT) AS value
    FROM reference AS r
    JOIN extracted AS e
        ON e.date = r.date AND e.measure = r.measure AND e.weapon_class = 'aerial_target'
    GROUP BY r.date, r.measure
),
span AS (
    SELECT min(date) AS first_date, max(date) AS last_date FROM extracted
),
joined AS (
    SELECT
        coalesce(r.date, e.date) AS date,
        coalesce(r.weapon_class, e.weapon_class) AS weapon_class,
        coalesce(r.measure, e.measure) AS measure,
        r.value AS reference_value,
        e.value AS extracted_value
    FROM (
        SELECT * FROM reference WHERE weapon_class <> 'aerial_target'
        UNION ALL
        SELECT * FROM reference_totals
    ) AS r
    FULL OUTER JOIN extracted AS e
        ON e.date = r.date AND e.weapon_class = r.weapon_class AND e.measure = r.measure
    WHERE r.value IS NOT NULL OR e.value IS NOT NULL
)
SELECT
    j.date,
    j.weapon_class,
    j.measure,
    j.reference_value,
    j.extracted_value,
    j.extracted_value - j.reference_value AS difference,
    CASE
        WHEN j.reference_value IS NULL THEN 'only_extracted'
        WHEN j.extracted_value IS NULL THEN 'only_reference'
        WHEN j.extracted_value = j.reference_value THEN 'same'
        ELSE 'differs'
    END AS status
FROM joined AS j, span AS s
WHERE j.extracted_value IS NOT NULL
    OR s.first_date IS NULL
    OR j.date BETWEEN s.first_date AND s.last_date
ORDER BY j.date, j.weapon_class, j.measure;
