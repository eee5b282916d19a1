-- The private signup offer a person got, one per person and signup post's signup (or post, when
-- the post belongs to no signup). The unique key makes two comments answered at once by two
-- reply workers offer once: the second insert finds the first's row. A row whose offer reply
-- failed or was skipped, or that the person declined long enough ago, is taken over by the next
-- offer (a conditional update, so again only one of two workers wins).
create table signup_offers (
    id               bigserial primary key,
    organisation_id  bigint      not null references organisations (id) on delete cascade,
    facebook_user_id text        not null,
    offered_for      text        not null,
    comment_id       text        not null,
    offered_at       timestamptz not null default now(),
    declined_at      timestamptz,
    unique (organisation_id, facebook_user_id, offered_for)
);
create index signup_offers_comment on signup_offers (comment_id);
