-- Webhooks for regional systems (Standard Webhooks): their subscriptions, the integration events they receive, and
-- one delivery per (event, subscription). A delivery's attempts are the outbox engine's attempt records (topic
-- 'webhook', item id = delivery id); the delivery row adds the subscription, the event and the last HTTP status.

CREATE TABLE webhook_subscription (
    id                     uuid PRIMARY KEY,
    -- an integration client's client id (its token's sub), or an admin's account id
    owner_subject          varchar(200)  NOT NULL,
    owner_kind             varchar(16)   NOT NULL CHECK (owner_kind IN ('INTEGRATION', 'ADMIN')),
    url                    varchar(2000) NOT NULL,
    description            varchar(500),
    event_types            varchar(64)[] NOT NULL,
    contact_email          varchar(254)  NOT NULL,
    language               varchar(2)    NOT NULL CHECK (language IN ('id', 'en')),
    -- an integration client's institutions (its token's inst) when it created or last changed the subscription;
    -- an admin's subscription sees every institution
    institutions           uuid[]        NOT NULL,
    enabled                boolean       NOT NULL,
    disabled_reason        varchar(32),
    disabled_at            timestamptz,
    -- the signing secrets, AES-256-GCM under WEBHOOK_SECRET_KEY (nonce || ciphertext || tag, the id as associated data)
    secret                 bytea         NOT NULL,
    previous_secret        bytea,
    previous_secret_until  timestamptz,
    -- since when deliveries have failed without a success in between (NULL: not failing)
    failing_since          timestamptz,
    created_at             timestamptz   NOT NULL,
    updated_at             timestamptz   NOT NULL
);
CREATE INDEX webhook_subscription_owner_idx ON webhook_subscription (owner_subject, created_at);
-- the receivers of an event: enabled subscriptions of its type
CREATE INDEX webhook_subscription_types_idx ON webhook_subscription USING gin (event_types) WHERE enabled;

-- Integration events received (emitters deliver at least once: the id is the key), with the body every
-- subscription receives on every attempt: {"type","timestamp","data"}.
CREATE TABLE integration_event (
    event_id        uuid PRIMARY KEY,
    type            varchar(64)  NOT NULL,
    subject         varchar(128) NOT NULL,
    institution_id  uuid         NOT NULL,
    occurred_at     timestamptz  NOT NULL,
    received_at     timestamptz  NOT NULL,
    -- who handed it over: a service identity, or this service itself
    source          varchar(200) NOT NULL,
    body            text         NOT NULL,
    deliveries      integer      NOT NULL
);
CREATE INDEX integration_event_received_idx ON integration_event (received_at);

CREATE TABLE webhook_delivery (
    id                uuid PRIMARY KEY,
    subscription_id   uuid         NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_id          uuid         NOT NULL REFERENCES integration_event (event_id),
    event_type        varchar(64)  NOT NULL,
    subject           varchar(128) NOT NULL,
    occurred_at       timestamptz  NOT NULL,
    status            varchar(16)  NOT NULL CHECK (status IN ('PENDING', 'RETRYING', 'DELIVERED', 'FAILED', 'SKIPPED')),
    attempts          integer      NOT NULL,
    last_status_code  integer,
    last_error        varchar(500),
    next_attempt_at   timestamptz,
    delivered_at      timestamptz,
    -- a manual redelivery: the delivery it repeats
    redelivery_of     uuid REFERENCES webhook_delivery (id) ON DELETE SET NULL,
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL
);
CREATE INDEX webhook_delivery_subscription_idx ON webhook_delivery (subscription_id, created_at DESC);
CREATE INDEX webhook_delivery_event_idx ON webhook_delivery (event_id);
