-- Who reports what: mentions, claims and outlets per reporter, subject and measure.
-- A reporter is the figure's reported_by ('unattributed' when the text names
-- none). default_claims counts the claims whose chosen reporter it is and that
-- the daily series uses. (The counting is the view reporter_summary, in
-- analytics/sql/10_claims.sql, kept in a table between ingests.)
-- param: min_mentions = 1 -- leave out rows with fewer mentions
SELECT
    reported_by,
    subject,
    measure,
    mentions,
    claims,
    default_claims,
    sources,
    first_date,
    last_date
FROM reporter_summary
WHERE mentions >= CAST($min_mentions AS BIGINT)
ORDER BY mentions DESC, reported_by, subject, measure;
