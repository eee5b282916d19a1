-- A connected page's access token, encrypted at rest (AES-GCM, key from VOLUNTREE_PAGES_TOKEN_KEY),
-- and what the system knows about its health.
alter table pages
    add column access_token    bytea,
    add column token_status    text not null default 'missing'
        check (token_status in ('missing', 'valid', 'needs_reauthorisation')),
    add column token_checked_at timestamptz,
    add column token_problem   text,
    add column subscribed_at   timestamptz;
