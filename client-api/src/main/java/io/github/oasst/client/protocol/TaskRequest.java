package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.oasst.client.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * A request for a task ({@code POST /api/v1/tasks/}).
 *
 * @param type the type of task wanted; {@link TaskRequestType#RANDOM} when null
 * @param user the user the task is for; may be null
 * @param collective whether the task is collective (answered by several users and closed by the
 *     frontend with {@link TaskClose})
 * @param lang the user's language (for example {@code "en"}); sent only when not null, which servers
 *     from 2023-02 on understand and 2023-01 servers ignore
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskRequest(
        @JsonProperty("type") TaskRequestType type,
        @JsonProperty("user") @Nullable User user,
        @JsonProperty("collective") boolean collective,
        @JsonProperty("lang") @Nullable String lang) {

    public TaskRequest(@Nullable TaskRequestType type, @Nullable User user, boolean collective, @Nullable String lang) {
        this.type = type == null ? TaskRequestType.RANDOM : type;
        this.user = user;
        this.collective = collective;
        this.lang = lang == null ? null : Checks.notBlank(lang, "lang");
    }

    /** A non-collective request of the given type for the given user, without a language. */
    public static TaskRequest of(TaskRequestType type, @Nullable User user) {
        return new TaskRequest(Checks.notNull(type, "type"), user, false, null);
    }
}
