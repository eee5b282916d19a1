-- A message the signup dialog took as an answer (an e-mail address, a PIN, a slot choice) is not
-- an opinion: its sentiment classification is kept but not shown or counted.
alter table messages add column dialog_answer boolean not null default false;
