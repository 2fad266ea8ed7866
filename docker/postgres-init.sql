-- The services' databases, one each, and the warehouse Kafka Connect sinks into (the local
-- platform creates the same ones)
CREATE DATABASE orders;
CREATE DATABASE billing;
CREATE DATABASE warehouse;
