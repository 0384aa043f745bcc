-- Names and street addresses are limited to 100 and 200 characters as a person counts them (code points).
-- H2 measures VARCHAR in UTF-16 units, where an emoji takes two, so 60 emoji (60 code points) would not fit
-- a VARCHAR(100) there while fitting on PostgreSQL, which counts code points. Twice the limit fits both.
ALTER TABLE subscribers ALTER COLUMN first_name SET DATA TYPE VARCHAR(200);
ALTER TABLE subscribers ALTER COLUMN last_name SET DATA TYPE VARCHAR(200);
ALTER TABLE subscribers ALTER COLUMN street_address SET DATA TYPE VARCHAR(400);
