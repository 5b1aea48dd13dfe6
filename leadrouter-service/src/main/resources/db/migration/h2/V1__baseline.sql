-- The schema of leadrouter 0.1.0, the first release, which had no schema version. "IF NOT EXISTS" lets this
-- migration also complete a state written by 0.1.0 (baselined at version 0), whatever part of it exists.
-- Later changes go into new files V2__..., V3__... beside this one; never edit a migration once released.

CREATE TABLE IF NOT EXISTS state_value (name VARCHAR(200) PRIMARY KEY, val VARCHAR(4000));

CREATE TABLE IF NOT EXISTS crm_key (module VARCHAR(40) NOT NULL, record_id VARCHAR(40) NOT NULL,
    field VARCHAR(40) NOT NULL, kind VARCHAR(8) NOT NULL, key_value VARCHAR(255) NOT NULL,
    PRIMARY KEY (record_id, field));
CREATE INDEX IF NOT EXISTS crm_key_by_value ON crm_key (kind, key_value);
CREATE INDEX IF NOT EXISTS crm_key_by_module ON crm_key (module);

CREATE TABLE IF NOT EXISTS crm_sync (module VARCHAR(40) PRIMARY KEY, watermark VARCHAR(32),
    full_sync_at TIMESTAMP WITH TIME ZONE);

CREATE TABLE IF NOT EXISTS journal_file (id BIGINT AUTO_INCREMENT PRIMARY KEY,
    content_hash VARCHAR(64) NOT NULL, file_name VARCHAR(2000) NOT NULL, mode VARCHAR(10) NOT NULL,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL, finished_at TIMESTAMP WITH TIME ZONE,
    outcome VARCHAR(40), report VARCHAR(4000));
CREATE INDEX IF NOT EXISTS journal_file_by_hash ON journal_file (content_hash);

CREATE TABLE IF NOT EXISTS journal_row (content_hash VARCHAR(64) NOT NULL, row_number INT NOT NULL,
    file_name VARCHAR(2000) NOT NULL, status VARCHAR(12) NOT NULL, advisor_id VARCHAR(40),
    advisor_name VARCHAR(200), lead_id VARCHAR(40), business_day DATE, detail VARCHAR(4000),
    lead_json CLOB, updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (content_hash, row_number));
CREATE INDEX IF NOT EXISTS journal_row_by_status ON journal_row (status, business_day);
