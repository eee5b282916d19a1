-- What an organisation tells people, and which replies go out without an admin.
alter table organisations
    add column event_info            text,
    add column requirements_info     text,
    add column donation_info         text,
    add column verification_required boolean not null default true,
    add column auto_replies          text[]  not null
        default '{volunteer,how_to_signup,event_question,requirements_question,donation,appreciation}';

-- Every reply the system meant to send, recorded (status 'pending') before it is sent: the unique
-- key (target, kind) means a retry finds the record and never sends twice.
create table replies (
    id              bigserial primary key,
    organisation_id bigint      not null references organisations (id) on delete cascade,
    message_id      bigint      references messages (id) on delete cascade,
    target_id       text        not null,
    kind            text        not null check (kind in ('public', 'private')),
    intent          text,
    text            text,
    status          text        not null check (status in ('pending', 'sent', 'failed', 'skipped')),
    reason          text,
    facebook_id     text,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    unique (target_id, kind)
);
create index replies_organisation_created on replies (organisation_id, created_at desc);

-- People who said "stop": no automatic message reaches them again, on any page of the organisation.
create table opt_outs (
    organisation_id  bigint      not null references organisations (id) on delete cascade,
    facebook_user_id text        not null,
    opted_out_at     timestamptz not null default now(),
    primary key (organisation_id, facebook_user_id)
);
