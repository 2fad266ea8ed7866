CREATE TABLE orders (
    order_id            UUID PRIMARY KEY,
    shop                VARCHAR(100) NOT NULL,
    customer_name       VARCHAR(100) NOT NULL,
    customer_phone      VARCHAR(100) NOT NULL,
    customer_address    VARCHAR(500) NOT NULL,
    status              VARCHAR(20)  NOT NULL,
    kafka_partition     INTEGER,
    kafka_offset        BIGINT,
    placed_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    idempotency_key     VARCHAR(200) UNIQUE,
    request_fingerprint VARCHAR(64)  NOT NULL
);

CREATE INDEX orders_by_shop ON orders (shop, placed_at DESC);
CREATE INDEX orders_by_time ON orders (placed_at DESC);

CREATE TABLE order_pizzas (
    order_id UUID         NOT NULL REFERENCES orders (order_id) ON DELETE CASCADE,
    position INTEGER      NOT NULL,
    name     VARCHAR(100) NOT NULL,
    toppings VARCHAR(500) NOT NULL,
    PRIMARY KEY (order_id, position)
);

CREATE TABLE order_status (
    id          BIGSERIAL PRIMARY KEY,
    order_id    UUID         NOT NULL REFERENCES orders (order_id) ON DELETE CASCADE,
    status      VARCHAR(20)  NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    by_instance VARCHAR(100) NOT NULL,
    UNIQUE (order_id, status)
);
