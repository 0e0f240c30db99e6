package dev.idun.channels.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idun.config.Json;
import org.junit.jupiter.api.Test;

class DiscordInteractionTest {
    @Test
    void parses_a_ping() {
        DiscordInteraction ping = DiscordInteraction.parse("{\"id\":\"9\",\"type\":1,\"application_id\":\"app\"}");
        assertThat(ping.type()).isEqualTo(DiscordInteraction.PING);
        assertThat(ping.applicationId()).isEqualTo("app");
    }

    @Test
    void joins_the_string_options_of_a_guild_command_and_takes_the_member_user() {
        DiscordInteraction command = DiscordInteraction.parse("""
                {"id":"111","type":2,"token":"tok","application_id":"app","guild_id":"g1",
                 "data":{"name":"ask","options":[
                   {"name":"question","type":3,"value":"what is"},
                   {"name":"count","type":4,"value":3},
                   {"name":"more","type":3,"value":"the time"}]},
                 "member":{"user":{"id":"u-1","username":"ann"}}}
                """);
        assertThat(command.type()).isEqualTo(DiscordInteraction.APPLICATION_COMMAND);
        assertThat(command.text()).isEqualTo("what is the time");
        assertThat(command.userId()).isEqualTo("u-1");
        assertThat(command.conversationKey()).isEqualTo("u-1");
        assertThat(command.guildId()).isEqualTo("g1");
        assertThat(command.token()).isEqualTo("tok");
        assertThat(command.id()).isEqualTo("111");
    }

    @Test
    void reads_string_options_inside_subcommands() {
        DiscordInteraction command = DiscordInteraction.parse("""
                {"id":"1","type":2,"data":{"name":"agent","options":[
                  {"name":"ask","type":1,"options":[{"name":"q","type":3,"value":"hi there"}]}]}}
                """);
        assertThat(command.text()).isEqualTo("hi there");
    }

    @Test
    void falls_back_to_the_command_name_and_to_the_dm_user_then_the_interaction_id() {
        DiscordInteraction dm = DiscordInteraction.parse(
                "{\"id\":\"5\",\"type\":2,\"data\":{\"name\":\"hello\"},\"user\":{\"id\":\"u-2\"}}");
        assertThat(dm.text()).isEqualTo("hello");
        assertThat(dm.conversationKey()).isEqualTo("u-2");
        assertThat(dm.guildId()).isNull();
        DiscordInteraction anonymous = DiscordInteraction.parse("{\"id\":\"6\",\"type\":2,\"data\":{\"name\":\"x\"}}");
        assertThat(anonymous.conversationKey()).isEqualTo("6");
    }

    @Test
    void refuses_a_body_without_id_or_type() {
        assertThatThrownBy(() -> DiscordInteraction.parse("{\"type\":1}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DiscordInteraction.parse("{\"id\":\"1\"}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DiscordInteraction.parse("nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writes_the_interaction_responses() {
        assertThat(Json.parse(DiscordResponses.pong()).path("type").asInt()).isEqualTo(1);
        assertThat(Json.parse(DiscordResponses.deferred()).path("type").asInt()).isEqualTo(5);
        var ephemeral = Json.parse(DiscordResponses.ephemeral(DiscordResponses.NOT_AVAILABLE_HERE));
        assertThat(ephemeral.path("type").asInt()).isEqualTo(4);
        assertThat(ephemeral.path("data").path("flags").asInt()).isEqualTo(64);
        assertThat(ephemeral.path("data").path("content").asText()).isEqualTo("This command is not available here.");
    }
}
