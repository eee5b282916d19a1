-- q:reply jobs that Redis did not take when they were made (the notices of an admin's committed change
-- to people's places): kept here and pushed to q:reply by the scheduler once Redis takes them again.
create table reply_outbox (
    id         bigserial primary key,
    job        bytea       not null,
    created_at timestamptz not null default now()
);
