-- ShedLock's table: with several instances on one database, each scheduled job marked @SchedulerLock runs on
-- one of them at a time (the legislature poller, the session-end check). Times are the database's own clock.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
