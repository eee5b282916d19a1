-- Messages an admin wrote by hand in the inbox, sent through Messenger, with their outcome.
create table hand_replies (
    id                  bigserial primary key,
    organisation_id     bigint      not null references organisations (id) on delete cascade,
    facebook_page_id    text        not null,
    psid                text        not null,
    admin_id            bigint      references admins (id) on delete set null,
    text                text        not null,
    tag                 text,
    status              text        not null check (status in ('pending', 'sent', 'failed')),
    reason              text,
    facebook_message_id text,
    created_at          timestamptz not null default now()
);
create index hand_replies_conversation on hand_replies (organisation_id, facebook_page_id, psid, created_at);
create index messages_conversations on messages (organisation_id, page_id, author_id, created_at desc)
    where kind in ('MESSAGE', 'POSTBACK');
