-- Queue jobs kept with the change that makes them (JobOutbox): pushed to their Redis queue once it commits,
-- or by the scheduler when Redis did not take them then. Replaces reply_outbox, which held q:reply jobs only.
create table job_outbox (
    id         bigserial primary key,
    queue      text        not null,
    job        bytea       not null,
    created_at timestamptz not null default now()
);

insert into job_outbox (queue, job, created_at)
select 'q:reply', job, created_at from reply_outbox order by id;

drop table reply_outbox;
