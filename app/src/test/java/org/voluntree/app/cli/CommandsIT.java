package org.voluntree.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.voluntree.app.testing.TestPostgres;

/** The administration commands, run as an operator would: {@code java -jar app.jar <command>}, configured by environment. */
class CommandsIT {

    /** What a finished command left behind. */
    record Run(int exitCode, String output) {}

    @TempDir
    Path dir;

    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        jdbc = new JdbcTemplate(TestPostgres.server().getPostgresDatabase());
        // the first command on an empty database migrates it; afterwards start from no organisations
        if (Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from information_schema.tables where table_name = 'organisations')",
                Boolean.class))) {
            TestPostgres.deleteAllOrganisations(jdbc);
        }
    }

    @Test
    void createOwnerCreatesTheOrganisationAndAnOwnerWhoseHashMatches() throws Exception {
        Path password = Files.writeString(dir.resolve("password"), "a long first password\n");

        Run run = run(
                "create-owner",
                "--organisation",
                "Riverside Food Bank",
                "--email",
                "Owner@Riverside.example",
                "--password-file",
                password.toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("Created organisation 'Riverside Food Bank'");
        var owner = jdbc.queryForMap("""
                select a.email, a.role, a.password_hash, o.name from admins a join organisations o on o.id = a.organisation_id
                """);
        assertThat(owner)
                .containsEntry("email", "owner@riverside.example")
                .containsEntry("role", "owner")
                .containsEntry("name", "Riverside Food Bank");
        String hash = (String) owner.get("password_hash");
        assertThat(hash).startsWith("{bcrypt}");
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches("a long first password", hash))
                .isTrue();

        Run again = run(
                "create-owner",
                "--organisation",
                "Another",
                "--email",
                "owner@riverside.example",
                "--password-file",
                password.toString());
        assertThat(again.exitCode()).as(again.output()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(again.output()).contains("already exists");
        assertThat(jdbc.queryForObject("select count(*) from organisations", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void createOwnerRefusesAShortPasswordAndAMissingFile() throws Exception {
        Path password = Files.writeString(dir.resolve("password"), "short\n");

        Run shortPassword = run(
                "create-owner",
                "--organisation",
                "X",
                "--email",
                "x@x.example",
                "--password-file",
                password.toString());
        Run missing = run(
                "create-owner",
                "--organisation",
                "X",
                "--email",
                "x@x.example",
                "--password-file",
                dir.resolve("nothing-here").toString());
        Run usage = run("create-owner", "--organisation", "X");

        assertThat(shortPassword.exitCode()).as(shortPassword.output()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(shortPassword.output()).contains("at least 12 characters");
        assertThat(missing.exitCode()).as(missing.output()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(usage.exitCode()).as(usage.output()).isEqualTo(ExitCodes.USAGE);
        assertThat(jdbc.queryForObject("select count(*) from organisations", Integer.class))
                .isZero();
    }

    @Test
    void chatPurgeDeletesMessagesOlderThanTheRetention() throws Exception {
        Path password = Files.writeString(dir.resolve("password"), "a long first password\n");
        assertThat(run(
                                "create-owner",
                                "--organisation",
                                "Chat",
                                "--email",
                                "chat@chat.example",
                                "--password-file",
                                password.toString())
                        .exitCode())
                .isZero();
        long org = jdbc.queryForObject("select id from organisations", Long.class);
        long admin = jdbc.queryForObject("select id from admins", Long.class);
        long session = jdbc.queryForObject("""
                insert into chat_sessions (organisation_id, title, created_by) values (?, 't', ?) returning id
                """, Long.class, org, admin);
        jdbc.update("""
                insert into chat_messages (session_id, author_id, text, created_at)
                values (?, ?, 'old', now() - interval '40 days'), (?, ?, 'recent', now() - interval '2 days')
                """, session, admin, session, admin);

        Run defaults = run("chat", "purge");
        Run shorter = run("chat", "purge", "--older-than", "1d");

        assertThat(defaults.exitCode()).as(defaults.output()).isZero();
        assertThat(defaults.output()).contains("Deleted 1 chat messages older than PT720H");
        assertThat(shorter.exitCode())
                .as("exit code of the second purge; output: " + shorter.output())
                .isZero();
        assertThat(shorter.output()).contains("Deleted 1 chat messages older than PT24H");
        assertThat(jdbc.queryForObject("select count(*) from chat_messages", Integer.class))
                .isZero();
        assertThat(run("chat", "purge", "--older-than", "soon").exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    private Run run(String... command) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("voluntree.app.jar"));
        assertThat(jar).as("the packaged app; run through 'mvn verify'").exists();
        Path output = dir.resolve("output-" + System.nanoTime() + ".txt");
        String[] line = new String[command.length + 3];
        line[0] = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        line[1] = "-jar";
        line[2] = jar.toString();
        System.arraycopy(command, 0, line, 3, command.length);
        ProcessBuilder builder =
                new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("VOLUNTREE_DATABASE_URL", TestPostgres.jdbcUrl());
        builder.environment().put("VOLUNTREE_DATABASE_USER", "postgres");
        builder.environment().remove("VOLUNTREE_CHAT_RETENTION");
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the command did not finish: " + String.join(" ", command));
        }
        return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
}
