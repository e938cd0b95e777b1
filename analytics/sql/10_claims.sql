-- Claims: one row per reported fact, however often and wherever it was repeated.
--
-- A figure is one mention of a number in one entry. The same fact comes back in a
-- live blog's headline and its body, in the morning's and the evening's stories,
-- and in five outlets quoting one air force statement; summing mentions would
-- count it many times. A claim groups the mentions of one fact.
--
-- Grouping (views `claim_figures`, `claim_assignments`):
--   fact      = (event_date, subject, measure, side, cumulative)
--   claim     = fact + place (location, compared case-insensitively; null = national)
--               + value
--   * Exact figures with the same fact, place and value are one claim.
--   * A vague figure is a rounded restatement when an exact value fits it: "more
--     than 30" (at_least: 30 and up), "up to 30" (at_most: 0 to 30), "about 40"
--     (approx: within a tenth, at least 1, either side). It joins the exact
--     claim that fits (the most repeated; then the closest; then the lower).
--     When none fits, it is a claim of its own value.
--   * A range ("between 10 and 15") joins the claim of a single value inside it
--     (exact or vague; the most repeated, then the lower value).
--   * Ranges with no such value merge with the ranges they overlap (sorted by
--     lower bound, a new group starts where a range begins after every earlier
--     one ended); the claim's value is the group's lowest bound, value_low and
--     value_high its outer bounds.
--   Exact figures with different values are never merged: they are competing
--   claims. Cumulative figures and figures without an event date still form
--   claims (the `cumulative` column and a null event_date mark them); the daily
--   views skip them.
--
-- Default rule (`claims.is_default`): among the competing claims of one fact,
-- the first in this order is the one the daily series uses; the others stay in
-- `claims` (is_default = false) and remain queryable.
--   1. national before regional: a claim with no location comes first ("including
--      25 over the Rostov region" is a part of the night, not its total);
--   2. the most direct reporter, best rank among the claim's mentions
--      (view `reporter_ranks`, matched on words in reported_by): 1 air force /
--      defence ministry / General Staff, 2 president / military, 3 governor /
--      administration / mayor / police / emergency service, 4 UN, 5 anyone else
--      or unattributed;
--   3. the latest: the claim first reported most recently (first_published_at,
--      so a late repeat of an old figure does not make it new); for killed,
--      injured and casualties a tie goes to the higher value (tolls rise);
--   4. then more distinct sources, then the larger value (then claim_id, so the
--      choice is deterministic).
--
-- A figure's source is its document's outlet, or its doc_id when the outlet is
-- unknown; its publication time is its entry's, else its document's.

-- Who is how direct a reporter: the first pattern (lowest priority number) that
-- reported_by matches, case-insensitively, gives the rank. "Kyiv city military
-- administration" is an administration (3), not the military (2).
CREATE OR REPLACE VIEW reporter_ranks AS
SELECT * FROM (VALUES
    (1, '%air force%', 1),
    (2, '%defence ministry%', 1),
    (3, '%defense ministry%', 1),
    (4, '%ministry of defen%', 1),
    (5, '%general staff%', 1),
    (6, '%administration%', 3),
    (7, '%governor%', 3),
    (8, '%mayor%', 3),
    (9, '%police%', 3),
    (10, '%emergency%', 3),
    (11, '%president%', 2),
    (12, '%military%', 2),
    (13, 'UN', 4),
    (14, 'UN %', 4),
    (15, '%united nations%', 4)
) AS t(priority, pattern, reporter_rank);

-- Speed: the grouping and the default rule are computed once and kept in tables
-- (`claim_assignments_cache`, `claims_cache`, `reporter_summary_cache`,
-- `claim_disagreements_cache`), refreshed
-- by analytics/derived.py (`figures refresh`, and at the end of every ingest). The
-- views below read those tables only while they match the data: `derived_state`
-- records what figures and documents held (row counts and highest row ids) when
-- they were built, and `derived_freshness` compares that with the data now (a
-- cheap check). When the data changed since (rows written by another program, a
-- file forgotten), each view computes its rows from the figures instead, with the
-- same SQL that built the tables, so a view is never stale, only slower. Editing
-- figures in place with UPDATE is not noticed: run `figures refresh` after it.
--
-- The tables are built in stages, each from the SQL the views use, so every rule
-- is written once: 1 claim_assignments_cache from claim_assignments_of(true),
-- 2 claims_cache from claims_of() (which reads claim_assignments, now the stage 1
-- table), 3 reporter_summary_cache from reporter_summary_of(), 4
-- claim_disagreements_cache from claim_disagreements_of(). Stages 1, 2 and 4 run a
-- span of event dates at a time (claim_in_days), 3 a subject and measure at a
-- time, to bound memory. The views
-- keep to DuckDB 1.4 SQL so that the duckdb 1.x CLI reads them.

CREATE TABLE IF NOT EXISTS derived_state (
    stage INTEGER NOT NULL,          -- the last stage built (see above)
    figures_rows BIGINT NOT NULL,    -- count(*) of figures when built
    figures_max_rowid BIGINT,        -- max(rowid) of figures when built
    documents_rows BIGINT NOT NULL,
    documents_max_rowid BIGINT,
    refreshed_at TIMESTAMP NOT NULL
);

-- The stage whose tables match the data now (0: none, compute from figures).
CREATE OR REPLACE VIEW derived_freshness AS
SELECT coalesce(max(s.stage), 0) AS stage
FROM derived_state AS s
WHERE s.figures_rows = (SELECT count(*) FROM figures)
    AND s.figures_max_rowid IS NOT DISTINCT FROM (SELECT max(rowid) FROM figures)
    AND s.documents_rows = (SELECT count(*) FROM documents)
    AND s.documents_max_rowid IS NOT DISTINCT FROM (SELECT max(rowid) FROM documents);

-- The keys of a figure, shared by claim_figures_of and claim_keys_of.
CREATE OR REPLACE MACRO claim_fact_key(event_date, subject, measure, side, cumulative) AS
    concat_ws('|',
        coalesce(CAST(event_date AS VARCHAR), '-'), subject, measure,
        coalesce(side, '-'), CAST(cumulative AS VARCHAR));
CREATE OR REPLACE MACRO claim_place_key(location) AS
    coalesce(lower(nullif(trim(location), '')), '');
CREATE OR REPLACE MACRO claim_kind(value_low, value_high, qualifier) AS
    CASE
        WHEN coalesce(value_low < value_high, false) THEN 'range'
        WHEN qualifier IN ('approx', 'at_least', 'at_most') THEN 'vague'
        ELSE 'exact'
    END;
-- the exact values a vague figure fits (null high: no upper bound)
CREATE OR REPLACE MACRO claim_fit_low(qualifier, value) AS
    CASE qualifier
        WHEN 'at_least' THEN value
        WHEN 'at_most' THEN 0
        WHEN 'approx' THEN value - greatest(1, value // 10)
        ELSE value
    END;
CREATE OR REPLACE MACRO claim_fit_high(qualifier, value) AS
    CASE qualifier
        WHEN 'at_least' THEN NULL
        WHEN 'at_most' THEN value
        WHEN 'approx' THEN value + greatest(1, value // 10)
        ELSE value
    END;

-- A refresh works through the figures a span of event dates at a time (facts
-- never straddle two days), so its memory stays bounded; no bounds: all of them.
-- Figures without an event date count as day 0001-01-01.
CREATE OR REPLACE MACRO claim_in_days(event_date, day_from, day_to) AS
    day_from IS NULL
    OR coalesce(event_date, DATE '0001-01-01') BETWEEN day_from AND day_to;

-- claim_figures_of(live): the figures with what grouping needs; every row of
-- figures and documents is read only when `live` is true, so a view that does
-- not need this branch costs nothing. Reporter ranks are matched once per
-- distinct reported_by, not once per figure.
CREATE OR REPLACE MACRO claim_figures_of(live, day_from := NULL, day_to := NULL) AS TABLE
WITH reporters AS (
    SELECT
        p.reported_by,
        (
            SELECT first(r.reporter_rank ORDER BY r.priority)
            FROM reporter_ranks AS r
            WHERE p.reported_by ILIKE r.pattern
        ) AS reporter_rank
    FROM (SELECT DISTINCT reported_by FROM figures WHERE live AND reported_by IS NOT NULL) AS p
)
SELECT
    f.figure_id,
    f.doc_id,
    f.entry_id,
    coalesce(f.published_at, d.published_at) AS published_at,
    f.event_date,
    f.subject,
    f.measure,
    f.side,
    f.weapon,
    f.value,
    f.value_low,
    f.value_high,
    f.qualifier,
    f.cumulative,
    f.reported_by,
    nullif(trim(f.location), '') AS location,
    f.quote,
    f.span_start,
    coalesce(nullif(trim(d.outlet), ''), f.doc_id) AS source,
    coalesce(rr.reporter_rank, 5) AS reporter_rank,
    coalesce(f.value_low < f.value_high, false) AS is_range,
    claim_fact_key(f.event_date, f.subject, f.measure, f.side, f.cumulative) AS fact_key,
    claim_place_key(f.location) AS place_key,
    claim_kind(f.value_low, f.value_high, f.qualifier) AS kind,
    claim_fit_low(f.qualifier, f.value) AS fit_low,
    claim_fit_high(f.qualifier, f.value) AS fit_high
FROM (
    SELECT * FROM figures
    WHERE live AND claim_in_days(event_date, day_from, day_to)
) AS f
LEFT JOIN (SELECT doc_id, published_at, outlet FROM documents WHERE live) AS d
    ON d.doc_id = f.doc_id
LEFT JOIN reporters AS rr ON rr.reported_by = f.reported_by;

CREATE OR REPLACE VIEW claim_figures AS
SELECT * FROM claim_figures_of(true);

-- claim_keys_of(live): the few columns grouping reads, straight from figures
-- (no join), for the vague and range figures and the exact values.
CREATE OR REPLACE MACRO claim_keys_of(live, day_from := NULL, day_to := NULL) AS TABLE
SELECT
    figure_id,
    claim_fact_key(event_date, subject, measure, side, cumulative) AS fact_key,
    claim_place_key(location) AS place_key,
    claim_kind(value_low, value_high, qualifier) AS kind,
    value,
    value_low,
    value_high,
    claim_fit_low(qualifier, value) AS fit_low,
    claim_fit_high(qualifier, value) AS fit_high
FROM figures
WHERE live AND claim_in_days(event_date, day_from, day_to);

-- claim_assignments_of(live): each figure with its claim (the grouping rules of
-- the header). An exact figure's claim is its value; the vague and range
-- figures (few) are assigned by joins, and their claim values joined back by
-- figure_id.
CREATE OR REPLACE MACRO claim_assignments_of(live, day_from := NULL, day_to := NULL) AS TABLE
WITH exact_values AS (
    SELECT fact_key, place_key, value AS claim_value, count(*) AS n
    FROM claim_keys_of(live, day_from := day_from, day_to := day_to)
    WHERE kind = 'exact'
    GROUP BY fact_key, place_key, value
),
vague AS MATERIALIZED (
    SELECT * FROM claim_keys_of(live, day_from := day_from, day_to := day_to) WHERE kind = 'vague'
),
vague_to_exact AS MATERIALIZED (
    SELECT
        v.figure_id,
        first(e.claim_value ORDER BY e.n DESC, abs(e.claim_value - v.value), e.claim_value)
            AS claim_value
    FROM vague AS v
    JOIN exact_values AS e
        ON e.fact_key = v.fact_key
        AND e.place_key = v.place_key
        AND e.claim_value >= v.fit_low
        AND (v.fit_high IS NULL OR e.claim_value <= v.fit_high)
    GROUP BY v.figure_id
),
vague_claims AS (
    SELECT v.figure_id, v.fact_key, v.place_key, coalesce(a.claim_value, v.value) AS claim_value
    FROM vague AS v
    LEFT JOIN vague_to_exact AS a ON a.figure_id = v.figure_id
),
single_values AS (
    -- every figure with a single value counts for the claim value it got
    SELECT fact_key, place_key, claim_value, sum(n) AS n
    FROM (
        SELECT fact_key, place_key, claim_value, n FROM exact_values
        UNION ALL
        SELECT fact_key, place_key, claim_value, 1 AS n FROM vague_claims
    )
    GROUP BY fact_key, place_key, claim_value
),
ranges AS MATERIALIZED (
    SELECT figure_id, fact_key, place_key, value_low, value_high
    FROM claim_keys_of(live, day_from := day_from, day_to := day_to)
    WHERE kind = 'range'
),
range_to_single AS MATERIALIZED (
    SELECT r.figure_id, first(p.claim_value ORDER BY p.n DESC, p.claim_value) AS claim_value
    FROM ranges AS r
    JOIN single_values AS p
        ON p.fact_key = r.fact_key
        AND p.place_key = r.place_key
        AND p.claim_value BETWEEN r.value_low AND r.value_high
    GROUP BY r.figure_id
),
loose_ranges AS (
    SELECT
        r.*,
        max(r.value_high) OVER (
            PARTITION BY r.fact_key, r.place_key
            ORDER BY r.value_low, r.value_high, r.figure_id
            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
        ) AS earlier_high
    FROM ranges AS r
    ANTI JOIN range_to_single AS s ON s.figure_id = r.figure_id
),
islands AS (
    SELECT
        *,
        sum(CASE WHEN earlier_high IS NULL OR value_low > earlier_high THEN 1 ELSE 0 END) OVER (
            PARTITION BY fact_key, place_key
            ORDER BY value_low, value_high, figure_id
            ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
        ) AS island
    FROM loose_ranges
),
not_exact AS (
    SELECT figure_id, claim_value FROM vague_claims
    UNION ALL
    SELECT figure_id, claim_value FROM range_to_single
    UNION ALL
    SELECT
        figure_id,
        min(value_low) OVER (PARTITION BY fact_key, place_key, island) AS claim_value
    FROM islands
),
assigned AS (
    SELECT
        f.*,
        CASE WHEN f.kind = 'exact' THEN f.value ELSE x.claim_value END AS claim_value__
    FROM claim_figures_of(live, day_from := day_from, day_to := day_to) AS f
    LEFT JOIN not_exact AS x ON x.figure_id = f.figure_id
)
SELECT
    substr(md5(concat_ws('|', fact_key, place_key, CAST(claim_value__ AS VARCHAR))), 1, 16)
        AS claim_id,
    claim_value__ AS claim_value,
    * EXCLUDE (claim_value__)
FROM assigned;

-- Stage 1 table: created empty with the columns of the computation.
CREATE TABLE IF NOT EXISTS claim_assignments_cache AS
SELECT * FROM claim_assignments_of(false);

CREATE OR REPLACE VIEW claim_assignments AS
SELECT * FROM claim_assignments_cache WHERE (SELECT stage >= 1 FROM derived_freshness)
UNION ALL
SELECT * FROM claim_assignments_of((SELECT stage < 1 FROM derived_freshness));

CREATE OR REPLACE VIEW claim_mentions AS
SELECT
    claim_id,
    figure_id,
    doc_id,
    entry_id,
    quote,
    source,
    reported_by,
    published_at,
    value,
    value_low,
    value_high,
    qualifier,
    location
FROM claim_assignments;

-- The claims computed from claim_assignments (stage 2's source, built a span of
-- days at a time; read by `claims` only while claims_cache is stale).
CREATE OR REPLACE MACRO claims_of(day_from := NULL, day_to := NULL) AS TABLE
WITH grouped AS (
    SELECT
        claim_id,
        any_value(fact_key) AS fact_key,
        event_date,
        subject,
        measure,
        side,
        claim_value AS value,
        CASE WHEN bool_and(is_range) THEN min(value_low) END AS value_low,
        CASE WHEN bool_and(is_range) THEN max(value_high) END AS value_high,
        -- arg_min_null(x, row(k1, k2, ...)) is first(x ORDER BY k1, k2, ...) without the
        -- sort: a null field of the key struct compares last, as NULLS LAST does, and
        -- figure_id (unique) leaves no tie.
        arg_min_null(qualifier, row(
            kind = 'range', kind = 'vague', reporter_rank, published_at, figure_id)) AS qualifier,
        arg_min_null(location, row(published_at, figure_id)) AS location,
        arg_min_null(weapon, row(weapon IS NULL, reporter_rank, published_at, figure_id))
            AS weapon,
        arg_min_null(reported_by, row(reporter_rank, published_at, figure_id))
            AS reported_by,
        min(reporter_rank) AS reporter_rank,
        CAST(count(*) AS BIGINT) AS n_mentions,
        CAST(count(DISTINCT doc_id) AS BIGINT) AS n_documents,
        CAST(count(DISTINCT source) AS BIGINT) AS n_sources,
        min(published_at) AS first_published_at,
        max(published_at) AS last_published_at,
        arg_min_null(quote, row(published_at, doc_id, span_start, figure_id)) AS quote,
        cumulative
    FROM claim_assignments
    WHERE (SELECT stage < 2 FROM derived_freshness)
        AND claim_in_days(event_date, day_from, day_to)
    GROUP BY claim_id, event_date, subject, measure, side, cumulative, place_key, claim_value
),
ranked AS (
    SELECT
        *,
        row_number() OVER (
            PARTITION BY fact_key
            ORDER BY
                location IS NOT NULL,
                reporter_rank,
                first_published_at DESC NULLS LAST,
                CASE WHEN measure IN ('killed', 'injured', 'casualties') THEN value END
                    DESC NULLS LAST,
                n_sources DESC,
                value DESC,
                claim_id
        ) AS default_order
    FROM grouped
)
SELECT
    claim_id,
    event_date,
    subject,
    measure,
    side,
    value,
    value_low,
    value_high,
    qualifier,
    location,
    weapon,
    reported_by,
    n_mentions,
    n_documents,
    n_sources,
    first_published_at,
    last_published_at,
    default_order = 1 AS is_default,
    quote,
    cumulative,
    reporter_rank,
    CAST(default_order AS BIGINT) AS default_order
FROM ranked;

CREATE OR REPLACE VIEW claims_computed AS
SELECT * FROM claims_of();

-- Stage 2 table: created empty with the columns of the computation.
CREATE TABLE IF NOT EXISTS claims_cache AS
SELECT * FROM claims_computed WHERE false;

CREATE OR REPLACE VIEW claims AS
SELECT *
FROM (
    SELECT * FROM claims_cache WHERE (SELECT stage >= 2 FROM derived_freshness)
    UNION ALL
    SELECT * FROM claims_computed
)
ORDER BY event_date, subject, measure, side, cumulative, default_order;

-- Mentions, claims and outlets per reporter, subject and measure (the
-- who_reports_what query; stage 3's source, built one subject and measure at a
-- time: a claim's mentions share its subject and measure).
CREATE OR REPLACE MACRO reporter_summary_of(only_subject := NULL, only_measure := NULL) AS TABLE
SELECT
    coalesce(m.reported_by, 'unattributed') AS reported_by,
    c.subject,
    c.measure,
    CAST(count(*) AS BIGINT) AS mentions,
    CAST(count(DISTINCT m.claim_id) AS BIGINT) AS claims,
    CAST(count(DISTINCT CASE
        WHEN c.is_default AND c.reported_by IS NOT DISTINCT FROM m.reported_by
        THEN m.claim_id END) AS BIGINT) AS default_claims,
    CAST(count(DISTINCT m.source) AS BIGINT) AS sources,
    min(c.event_date) AS first_date,
    max(c.event_date) AS last_date
FROM (
    -- claim_mentions, with the subject and measure its claim has too
    SELECT claim_id, reported_by, source
    FROM claim_assignments
    WHERE (SELECT stage < 3 FROM derived_freshness)
        AND (only_subject IS NULL
            OR (subject IS NOT DISTINCT FROM only_subject
                AND measure IS NOT DISTINCT FROM only_measure))
) AS m
JOIN (
    SELECT * FROM claims
    WHERE (SELECT stage < 3 FROM derived_freshness)
        AND (only_subject IS NULL
            OR (subject IS NOT DISTINCT FROM only_subject
                AND measure IS NOT DISTINCT FROM only_measure))
) AS c
    ON c.claim_id = m.claim_id
GROUP BY coalesce(m.reported_by, 'unattributed'), c.subject, c.measure;

CREATE OR REPLACE VIEW reporter_summary_computed AS
SELECT * FROM reporter_summary_of();

CREATE TABLE IF NOT EXISTS reporter_summary_cache AS
SELECT * FROM reporter_summary_computed WHERE false;

CREATE OR REPLACE VIEW reporter_summary AS
SELECT * FROM reporter_summary_cache WHERE (SELECT stage >= 3 FROM derived_freshness)
UNION ALL
SELECT * FROM reporter_summary_computed;

-- Facts where sources disagree (the disagreements query; stage 4's source, built
-- a span of days at a time): one date, subject, measure, side and place, several
-- values. The query filters these rows by side and date, both part of the key.
CREATE OR REPLACE MACRO claim_disagreements_of(day_from := NULL, day_to := NULL) AS TABLE
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
WHERE (SELECT stage < 4 FROM derived_freshness)
    AND claim_in_days(event_date, day_from, day_to)
    AND NOT cumulative
    AND event_date IS NOT NULL
GROUP BY event_date, subject, measure, side, lower(location)
HAVING count(*) > 1;

CREATE TABLE IF NOT EXISTS claim_disagreements_cache AS
SELECT * FROM claim_disagreements_of() WHERE false;

CREATE OR REPLACE VIEW claim_disagreements AS
SELECT * FROM claim_disagreements_cache WHERE (SELECT stage >= 4 FROM derived_freshness)
UNION ALL
SELECT * FROM claim_disagreements_of();
