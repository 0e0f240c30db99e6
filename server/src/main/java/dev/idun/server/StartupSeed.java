package dev.idun.server;

import dev.idun.admin.configstore.ConfigSeeder;
import dev.idun.config.EngineConfig;
import dev.idun.config.agent.AgentConfig;
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
            if (file.exists()) {
                LOG.info(
                        "The database holds the config; {} is not applied (use `idun import {}` to replace the"
                                + " stored config with it).",
                        file.path(),
                        file.path());
            }
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
}
