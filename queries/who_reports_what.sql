-- Who reports what: mentions, claims and outlets per reporter, subject and measure.
-- A reporter is the figure's reported_by ('unattributed' when the text names
-- none). default_claims counts the claims whose chosen reporter it is and that
-- the daily series uses.
-- param: min_mentions = 1 -- leave out rows with fewer mentions
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
FROM claim_mentions AS m
JOIN claims AS c ON c.claim_id = m.claim_id
GROUP BY coalesce(m.reported_by, 'unattributed'), c.subject, c.measure
HAVING count(*) >= CAST($min_mentions AS BIGINT)
ORDER BY mentions DESC, reported_by, c.subject, c.measure;
