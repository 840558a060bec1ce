package io.github.oasst.client.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The text labels of the 2023-05 backend ({@code TextLabel}): their names, widgets and texts, and
 * the lists its tree manager offers per message kind.
 */
final class MayLabelNames {
    /** A label as {@code LabelDescription} shows it. */
    record Label(
            String name,
            String widget,
            String displayText,
            @Nullable String helpText) {}

    /** Every label, in the enumeration's order. */
    static final List<Label> ALL = List.of(
            new Label("spam", "yes_no", "Seems to be intentionally low-quality or irrelevant", null),
            new Label("fails_task", "yes_no", "Fails to follow the correct instruction / task", null),
            new Label(
                    "lang_mismatch",
                    "flag",
                    "Wrong Language",
                    "The message is written in a language that differs from the currently selected language."),
            new Label("pii", "flag", "Contains personal identifiable information (PII)", null),
            new Label("not_appropriate", "flag", "Inappropriate", null),
            new Label(
                    "hate_speech",
                    "flag",
                    "Content is abusive or threatening and expresses prejudice against a protected characteristic",
                    "Prejudice refers to preconceived views not based on reason. Protected characteristics include"
                            + " gender, ethnicity, religion, sexual orientation, and similar characteristics."),
            new Label("sexual_content", "flag", "Contains sexual content", null),
            new Label("moral_judgement", "flag", "Expresses moral judgement", null),
            new Label("political_content", "flag", "Expresses political views", null),
            new Label("quality", "likert", "Overall subjective quality rating of the message", null),
            new Label("toxicity", "likert", "Rude, abusive, profane or insulting content", null),
            new Label("humor", "likert", "Humorous content including sarcasm", null),
            new Label("helpfulness", "likert", "Helpfulness of the message", null),
            new Label("creativity", "likert", "Creativity", null),
            new Label("violence", "likert", "Violence/abuse/terrorism/self-harm", null));

    static final List<String> NAMES = ALL.stream().map(Label::name).toList();

    /** The labels of a simple (spam check) prompter reply task. */
    static final List<String> SIMPLE = List.of("spam", "lang_mismatch", "quality");

    /** The labels every full label task ends with, after its own. */
    private static final List<String> FULL_TAIL = List.of(
            "creativity", "humor", "toxicity", "violence", "not_appropriate", "pii", "hate_speech", "sexual_content");

    /** The labels of an initial prompt's and a prompter reply's label task. */
    static final List<String> PROMPT = concat(SIMPLE, FULL_TAIL);

    /** The labels of an assistant reply's label task. */
    static final List<String> ASSISTANT =
            concat(List.of("spam", "lang_mismatch", "fails_task", "quality", "helpfulness"), FULL_TAIL);

    /** The labels of {@code /text_labels/report_labels}. */
    static final List<String> REPORT = List.of(
            "spam",
            "not_appropriate",
            "pii",
            "hate_speech",
            "sexual_content",
            "moral_judgement",
            "political_content",
            "toxicity",
            "violence",
            "quality");

    private static final Map<String, Label> BY_NAME =
            ALL.stream().collect(Collectors.toMap(Label::name, Function.identity()));

    private MayLabelNames() {}

    private static List<String> concat(List<String> head, List<String> tail) {
        return Stream.concat(head.stream(), tail.stream()).toList();
    }

    /** {@code LabelDescription}s of the named labels, in that order. */
    static ArrayNode descriptions(List<String> names) {
        ArrayNode array = Responses.MAPPER.createArrayNode();
        for (String name : names) {
            Label label = BY_NAME.get(name);
            ObjectNode json = array.addObject();
            json.put("name", label.name());
            json.put("widget", label.widget());
            json.put("display_text", label.displayText());
            json.put("help_text", label.helpText());
        }
        return array;
    }

    /** {@code {"valid_labels": [LabelDescription]}}. */
    static ObjectNode validLabels(List<String> names) {
        ObjectNode json = Responses.MAPPER.createObjectNode();
        json.set("valid_labels", descriptions(names));
        return json;
    }

    /** Every label but {@code fails_task}: the valid labels without a message. */
    static List<String> withoutFailsTask() {
        return NAMES.stream().filter(name -> !name.equals("fails_task")).toList();
    }
}
