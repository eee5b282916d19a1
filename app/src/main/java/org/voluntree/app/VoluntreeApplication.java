package org.voluntree.app;

import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.voluntree.app.cli.VoluntreeCommands;
import org.voluntree.app.embedded.EmbeddedDefaults;
import org.voluntree.app.roles.Role;
import org.voluntree.app.roles.Roles;

/**
 * Starts Voluntree. With no Redis or PostgreSQL configured it starts local ones first (see
 * {@link EmbeddedDefaults}), so {@code java -jar} alone shows the whole loop.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class VoluntreeApplication {

    public static void main(String[] args) {
        if (VoluntreeCommands.handles(args)) {
            System.exit(VoluntreeCommands.run(args));
        }
        SpringApplication application = new SpringApplication(VoluntreeApplication.class);
        Set<Role> roles = Roles.parse(System.getenv().getOrDefault("VOLUNTREE_ROLES", "web,workers,gear,scheduler"));
        if (!roles.contains(Role.WEB)) {
            application.setWebApplicationType(WebApplicationType.NONE);
        }
        EmbeddedDefaults.applyTo(application, System.getenv());
        application.run(args);
    }
}
