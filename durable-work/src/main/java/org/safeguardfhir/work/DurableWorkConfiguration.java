package org.safeguardfhir.work;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.boot.autoconfigure.DbSchedulerAutoConfiguration;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * db-scheduler (its Spring Boot starter, {@code db-scheduler.*}) with text payloads, and the durable-work API on it;
 * an application that has this module and a DataSource gets both.
 */
// Before the starter: its own customizer stands back only when ours is already there.
@AutoConfiguration(before = DbSchedulerAutoConfiguration.class)
public class DurableWorkConfiguration {

    @Bean
    DbSchedulerCustomizer textPayloads() {
        return new DbSchedulerCustomizer() {
            @Override
            public Optional<Serializer> serializer() {
                return Optional.of(new TextSerializer());
            }
        };
    }

    @Bean
    DeadLetters deadLetters(DataSource dataSource) {
        return new DeadLetters(dataSource);
    }

    @Bean
    DurableWork durableWork(
            ObjectProvider<Scheduler> scheduler, DeadLetters deadLetters, DataSource dataSource, MeterRegistry meters) {
        return new DurableWork(scheduler, deadLetters, dataSource, meters);
    }
}
