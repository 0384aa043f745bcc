-- Campaign templates organizers save through the API, and copies of file defaults that something pinned. Every
-- save is a new version and none ever changes or vanishes (see the vendor migrations): a blast keeps the number
-- of the version it sent, and the exact words it sent must stay readable by that number.
CREATE TABLE campaign_template_versions (
    name         VARCHAR(64)  NOT NULL,
    version      INT          NOT NULL,
    origin       VARCHAR(4)   NOT NULL,
    saved_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    -- SHA-256 of the parts: pinning an unchanged file default reuses its copy instead of adding one per blast.
    content_hash VARCHAR(64)  NOT NULL,
    PRIMARY KEY (name, version),
    -- Version 0 is the file itself, never stored.
    CONSTRAINT campaign_template_versions_positive CHECK (version > 0),
    CONSTRAINT campaign_template_versions_origin CHECK (origin IN ('file', 'api'))
);

CREATE TABLE campaign_template_parts (
    name      VARCHAR(64) NOT NULL,
    version   INT         NOT NULL,
    language  VARCHAR(8)  NOT NULL,
    text_part TEXT        NOT NULL,
    html_part TEXT        NOT NULL,
    PRIMARY KEY (name, version, language),
    FOREIGN KEY (name, version) REFERENCES campaign_template_versions (name, version)
);

-- A delete hides the organizer's versions up to through_version (the file default applies again) without
-- touching them: rows are only ever added. A later save starts visible again with the next number.
CREATE TABLE campaign_template_deletions (
    name            VARCHAR(64) NOT NULL,
    through_version INT         NOT NULL,
    deleted_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (name, through_version)
);
