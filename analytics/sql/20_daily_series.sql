-- Daily series: one value per (date, subject, measure, side), taken from the
-- default claim of each fact (see 10_claims.sql for the rule). Cumulative totals
-- and figures without an event date are left out. `side` is whose weapons or
-- people are counted: the drones Russia launched at Ukraine are side 'russia'.
-- A regional count of weapons ("15 drones over Kyiv") never stands in for the
-- night's total: when a night has only regional claims for drones or missiles,
-- the series has no value for it. Counts of people are local by nature (a
-- strike on one city), so their default claim is used wherever it is.

CREATE OR REPLACE VIEW daily_series AS
SELECT
    event_date AS date,
    subject,
    measure,
    side,
    value,
    n_sources,
    claim_id
FROM claims
WHERE is_default
    AND NOT cumulative
    AND event_date IS NOT NULL
    AND (location IS NULL OR subject IN ('person', 'civilian', 'child', 'soldier'))
ORDER BY date, subject, measure, side;

-- Air defence per night and weapon class: launched, downed, lost (jammed or
-- "did not reach their targets") side by side, and the share downed.
CREATE OR REPLACE VIEW air_defence AS
WITH pivoted AS (
    SELECT
        date,
        side,
        subject AS weapon_class,
        CAST(sum(CASE WHEN measure = 'launched' THEN value END) AS BIGINT) AS launched,
        CAST(sum(CASE WHEN measure = 'downed' THEN value END) AS BIGINT) AS downed,
        CAST(sum(CASE WHEN measure = 'lost' THEN value END) AS BIGINT) AS lost
    FROM daily_series
    WHERE subject IN (
            'drone', 'cruise_missile', 'ballistic_missile', 'guided_missile', 'missile',
            'aerial_target')
        AND measure IN ('launched', 'downed', 'lost')
    GROUP BY date, side, subject
)
SELECT
    date,
    side,
    weapon_class,
    launched,
    downed,
    lost,
    CASE WHEN launched > 0 THEN CAST(downed AS DOUBLE) / launched END AS share_downed
FROM pivoted
ORDER BY date, side, weapon_class;

-- People killed and injured per day, by whose people they are and who they are
-- (person, civilian, child, soldier). `casualties` is a text's single number for
-- killed and wounded together, not a sum of the other two columns.
CREATE OR REPLACE VIEW casualties_daily AS
SELECT
    date,
    side,
    subject,
    CAST(sum(CASE WHEN measure = 'killed' THEN value END) AS BIGINT) AS killed,
    CAST(sum(CASE WHEN measure = 'injured' THEN value END) AS BIGINT) AS injured,
    CAST(sum(CASE WHEN measure = 'casualties' THEN value END) AS BIGINT) AS casualties
FROM daily_series
WHERE subject IN ('person', 'civilian', 'child', 'soldier')
    AND measure IN ('killed', 'injured', 'casualties')
GROUP BY date, side, subject
ORDER BY date, side, subject;
