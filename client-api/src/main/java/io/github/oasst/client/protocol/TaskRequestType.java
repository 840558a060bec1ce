package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The type of task a frontend asks for; {@link #RANDOM} lets the server choose. */
public enum TaskRequestType {
    RANDOM("random"),
    SUMMARIZE_STORY("summarize_story"),
    RATE_SUMMARY("rate_summary"),
    INITIAL_PROMPT("initial_prompt"),
    PROMPTER_REPLY("prompter_reply"),
    ASSISTANT_REPLY("assistant_reply"),
    RANK_INITIAL_PROMPTS("rank_initial_prompts"),
    RANK_PROMPTER_REPLIES("rank_prompter_replies"),
    RANK_ASSISTANT_REPLIES("rank_assistant_replies"),
    LABEL_INITIAL_PROMPT("label_initial_prompt"),
    LABEL_ASSISTANT_REPLY("label_assistant_reply"),
    LABEL_PROMPTER_REPLY("label_prompter_reply");

    private final String wireName;

    TaskRequestType(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire, for example {@code "initial_prompt"}. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /**
     * The request type with this wire name.
     *
     * @throws IllegalArgumentException if no request type has this name
     */
    @JsonCreator
    public static TaskRequestType fromWireName(String wireName) {
        for (TaskRequestType type : values()) {
            if (type.wireName.equals(wireName)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown task request type: " + wireName);
    }

    @Override
    public String toString() {
        return wireName;
    }
}
