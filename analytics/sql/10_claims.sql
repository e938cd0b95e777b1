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

CREATE OR REPLACE VIEW claim_figures AS
WITH base AS (
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
        coalesce((
            SELECT first(r.reporter_rank ORDER BY r.priority)
            FROM reporter_ranks AS r
            WHERE f.reported_by ILIKE r.pattern
        ), 5) AS reporter_rank,
        coalesce(f.value_low < f.value_high, false) AS is_range,
        concat_ws('|',
            coalesce(CAST(f.event_date AS VARCHAR), '-'), f.subject, f.measure,
            coalesce(f.side, '-'), CAST(f.cumulative AS VARCHAR)) AS fact_key,
        coalesce(lower(nullif(trim(f.location), '')), '') AS place_key
    FROM figures AS f
    LEFT JOIN documents AS d ON d.doc_id = f.doc_id
)
SELECT
    *,
    CASE
        WHEN is_range THEN 'range'
        WHEN qualifier IN ('approx', 'at_least', 'at_most') THEN 'vague'
        ELSE 'exact'
    END AS kind,
    -- the exact values a vague figure fits (null high: no upper bound)
    CASE qualifier
        WHEN 'at_least' THEN value
        WHEN 'at_most' THEN 0
        WHEN 'approx' THEN value - greatest(1, value // 10)
        ELSE value
    END AS fit_low,
    CASE qualifier
        WHEN 'at_least' THEN NULL
        WHEN 'at_most' THEN value
        WHEN 'approx' THEN value + greatest(1, value // 10)
        ELSE value
    END AS fit_high
FROM base;

CREATE OR REPLACE VIEW claim_assignments AS
WITH exact_values AS (
    SELECT fact_key, place_key, value AS claim_value, count(*) AS n
    FROM claim_figures
    WHERE kind = 'exact'
    GROUP BY fact_key, place_key, value
),
vague_to_exact AS (
    SELECT
        v.figure_id,
        first(e.claim_value ORDER BY e.n DESC, abs(e.claim_value - v.value), e.claim_value)
            AS claim_value
    FROM claim_figures AS v
    JOIN exact_values AS e
        ON e.fact_key = v.fact_key
        AND e.place_key = v.place_key
        AND e.claim_value >= v.fit_low
        AND (v.fit_high IS NULL OR e.claim_value <= v.fit_high)
    WHERE v.kind = 'vague'
    GROUP BY v.figure_id
),
singles AS (
    -- every figure with a single value, with the claim value it got
    SELECT figure_id, value AS claim_value FROM claim_figures WHERE kind = 'exact'
    UNION ALL
    SELECT figure_id, claim_value FROM vague_to_exact
    UNION ALL
    SELECT figure_id, value AS claim_value
    FROM claim_figures
    WHERE kind = 'vague' AND figure_id NOT IN (SELECT figure_id FROM vague_to_exact)
),
single_values AS (
    SELECT f.fact_key, f.place_key, s.claim_value, count(*) AS n
    FROM singles AS s
    JOIN claim_figures AS f ON f.figure_id = s.figure_id
    GROUP BY f.fact_key, f.place_key, s.claim_value
),
ranges AS (
    SELECT figure_id, fact_key, place_key, value_low, value_high
    FROM claim_figures
    WHERE kind = 'range'
),
range_to_single AS (
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
    WHERE r.figure_id NOT IN (SELECT figure_id FROM range_to_single)
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
assigned AS (
    SELECT figure_id, claim_value FROM singles
    UNION ALL
    SELECT figure_id, claim_value FROM range_to_single
    UNION ALL
    SELECT
        figure_id,
        min(value_low) OVER (PARTITION BY fact_key, place_key, island) AS claim_value
    FROM islands
)
SELECT
    substr(md5(concat_ws('|', f.fact_key, f.place_key, CAST(a.claim_value AS VARCHAR))), 1, 16)
        AS claim_id,
    a.claim_value,
    f.*
FROM assigned AS a
JOIN claim_figures AS f ON f.figure_id = a.figure_id;

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

CREATE OR REPLACE VIEW claims AS
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
        first(qualifier ORDER BY kind = 'range', kind = 'vague', reporter_rank, published_at, figure_id)
            AS qualifier,
        first(location ORDER BY published_at, figure_id) AS location,
        first(weapon ORDER BY weapon IS NULL, reporter_rank, published_at, figure_id) AS weapon,
        first(reported_by ORDER BY reporter_rank, published_at, figure_id) AS reported_by,
        min(reporter_rank) AS reporter_rank,
        CAST(count(*) AS BIGINT) AS n_mentions,
        CAST(count(DISTINCT doc_id) AS BIGINT) AS n_documents,
        CAST(count(DISTINCT source) AS BIGINT) AS n_sources,
        min(published_at) AS first_published_at,
        max(published_at) AS last_published_at,
        first(quote ORDER BY published_at, doc_id, span_start, figure_id) AS quote,
        cumulative
    FROM claim_assignments
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
FROM ranked
ORDER BY event_date, subject, measure, side, cumulative, default_order;
