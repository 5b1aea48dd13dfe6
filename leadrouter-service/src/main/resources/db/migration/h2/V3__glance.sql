-- The tables of the "today at a glance" page, which leadrouter created itself before they were migrations: "IF NOT
-- EXISTS" keeps those of a state that already has them.
CREATE TABLE IF NOT EXISTS glance_file (id BIGINT AUTO_INCREMENT PRIMARY KEY, business_day DATE NOT NULL,
    finished_at TIME NOT NULL, file_name VARCHAR(2000) NOT NULL, kind VARCHAR(12) NOT NULL,
    counts VARCHAR(2000) NOT NULL, per_advisor CLOB NOT NULL, report VARCHAR(2000) NOT NULL,
    reason VARCHAR(4000) NOT NULL);
CREATE TABLE IF NOT EXISTS glance_load (user_name VARCHAR(200) PRIMARY KEY, business_day DATE NOT NULL,
    load_today INT NOT NULL, cap INT NOT NULL, position INT NOT NULL);
