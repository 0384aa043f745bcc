-- relay_budget now holds every token bucket of the platform's TokenBuckets, not only the relay's two: names
-- such as 'delivery:per-second' (the blast engine's own rate) carry their owner's prefix and outgrow 20
-- characters. The relay's rows keep their names ('per-hour', 'per-second'), so their levels carry over.
-- SET DATA TYPE is the standard spelling, which both H2 and PostgreSQL accept; 64 is TokenBuckets.MAX_BUCKET_NAME.
ALTER TABLE relay_budget ALTER COLUMN bucket SET DATA TYPE VARCHAR(64);
