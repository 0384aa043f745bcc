-- The relay's own allowance (callout.mail.relay.per-second / per-hour), shared by every instance on this
-- database: one token bucket per window. A sender locks the row (SELECT ... FOR UPDATE), refills it for the
-- time that passed, takes what it may and writes it back, once per chunk of messages rather than per message.
-- Plain rows and a row lock run the same on H2 and PostgreSQL, which Bucket4j's JDBC module does not.
CREATE TABLE relay_budget (
    bucket      VARCHAR(20)      PRIMARY KEY,
    tokens      DOUBLE PRECISION NOT NULL,
    refilled_at TIMESTAMP WITH TIME ZONE NOT NULL
);
