-- A signup: an event with facts, dates x time slots and the volunteers each slot needs.
create table signups (
    id              bigserial primary key,
    organisation_id bigint      not null references organisations (id) on delete cascade,
    title           text        not null,
    description     text,
    facts           jsonb       not null default '{}'::jsonb,
    state           text        not null default 'active' check (state in ('active', 'disabled')),
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
create index signups_organisation on signups (organisation_id, state);

create table signup_slots (
    id        bigserial primary key,
    signup_id bigint      not null references signups (id) on delete cascade,
    starts_at timestamptz not null,
    ends_at   timestamptz not null,
    label     text,
    required  integer     not null check (required > 0),
    check (ends_at > starts_at),
    unique (signup_id, starts_at, ends_at)
);

-- A volunteer confirmed for a slot; a slot never holds more than it requires.
create table slot_assignments (
    slot_id      bigint      not null references signup_slots (id) on delete cascade,
    volunteer_id bigint      not null references volunteers (id) on delete cascade,
    source       text        not null default 'messenger',
    confirmed_at timestamptz not null default now(),
    primary key (slot_id, volunteer_id)
);
create index slot_assignments_volunteer on slot_assignments (volunteer_id);

-- A post on a page, optionally for a signup, published now or at its time through q:publish.
create table posts (
    id               bigserial primary key,
    organisation_id  bigint      not null references organisations (id) on delete cascade,
    page_id          bigint      not null references pages (id) on delete cascade,
    signup_id        bigint      references signups (id) on delete set null,
    message          text        not null,
    append_schedule  boolean     not null default true,
    photo_url        text,
    state            text        not null default 'draft'
        check (state in ('draft', 'scheduled', 'publishing', 'published', 'failed')),
    scheduled_at     timestamptz,
    published_at     timestamptz,
    facebook_post_id text        unique,
    failure          text,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);
create index posts_organisation on posts (organisation_id, created_at desc);

-- What a volunteer told us in Messenger.
alter table volunteers
    add column email             text,
    add column email_verified_at timestamptz;
