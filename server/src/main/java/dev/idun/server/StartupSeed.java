package dev.idun.server;

import dev.idun.admin.configstore.ConfigSeeder;
import dev.idun.config.ConfigDocument;
import dev.idun.config.EngineConfig;
import dev.idun.config.Named;
import dev.idun.config.agent.AgentConfig;
import dev.idun.config.guardrail.GuardrailEntry;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First-boot seeding: an empty database takes every section of the config file, or the starter agent when there is
 * no file (unless disabled). Afterwards the database is the source of truth and the file is only compared.
 */
public final class StartupSeed {
    private static final Logger LOG = LoggerFactory.getLogger(StartupSeed.class);

    private final ConfigSeeder seeder;
    private final ConfigFile file;
    private final boolean seedStarter;

    public StartupSeed(ConfigSeeder seeder, ConfigFile file, boolean seedStarter) {
        this.seeder = seeder;
        this.file = file;
        this.seedStarter = seedStarter;
    }

    public void run(Instant now) {
        if (!seeder.isEmpty()) {
            reportDrift();
            return;
        }
        Optional<EngineConfig> fromFile = file.read();
        if (fromFile.isPresent()) {
            seeder.seedIfEmpty(fromFile.get(), now);
            LOG.info("Seeded the database from {}", file.path());
        } else if (seedStarter) {
            seeder.seedIfEmpty(EngineConfig.ofAgent(AgentConfig.starter()), now);
            LOG.info("No {} found: seeded the starter agent (built-in echo model)", file.path());
        } else {
            LOG.info("No {} found and IDUN_SEED_STARTER=false: starting unconfigured", file.path());
        }
    }

    /** The database is the source of truth after the first boot; a file that says otherwise is only reported. */
    private void reportDrift() {
        if (!file.exists()) {
            return;
        }
        try {
            EngineConfig fromFile = file.read().orElseThrow();
            if (!fingerprint(fromFile).equals(fingerprint(seeder.stored()))) {
                LOG.warn(
                        "{} differs from the stored config and is NOT applied: the database is the source of truth."
                                + " Run `idun import {}` to replace the stored config with it.",
                        file.path(),
                        file.path());
            }
        } catch (RuntimeException e) {
            LOG.warn(
                    "{} is not applied (the database holds the config) and does not validate: {}",
                    file.path(),
                    e.getMessage());
        }
    }

    private static String fingerprint(EngineConfig config) {
        return ConfigDocument.hash(new EngineConfig(
                config.server(),
                config.agent(),
                config.memory(),
                config.mcpServers().stream()
                        .map(i -> new Named<>(i.name(), null, i.enabled(), i.config()))
                        .toList(),
                config.guardrails().stream()
                        .map(g -> new GuardrailEntry(g.name(), null, g.enabled(), g.position(), g.config()))
                        .toList(),
                config.observability(),
                config.sso(),
                config.integrations().stream()
                        .map(i -> new Named<>(i.name(), null, i.enabled(), i.config()))
                        .toList(),
                config.prompts()));
    }
}
