-- How many people held a place to come in the signup when an announcement was sent (reached counts those
-- of them it could be sent to in Messenger), so that admins see who it could not reach.
alter table signup_announcements add column holders integer;
