-- One row that an erasure and each chunk of an import lock (SELECT ... FOR UPDATE) before they read anything, so the
-- two never interleave: an import chunk that planned "not suppressed, not on file" cannot write a person back after
-- their erasure committed, nor commit a person the erasure could not yet see. Erasures are rare and an import's
-- chunks run one after another, so the wait is one chunk at most. Blasts do not take it (they lock memberships).
CREATE TABLE person_write_lock (
    name VARCHAR(20) PRIMARY KEY
);
INSERT INTO person_write_lock (name) VALUES ('people');
