package io.github.oasst.client.api;

import feign.Param;
import feign.RequestLine;
import io.github.oasst.client.data.ToxicityScore;
import java.util.List;

/**
 * The backend's relay to Hugging Face ({@code /api/v1/hf/…}; needs a trusted key). The backend asks
 * Hugging Face's inference API: without its own network access or key it answers 500, and a refusal
 * from Hugging Face is 400 {@code HUGGINGFACE_API_ERROR} (3001). A read, so that 500 is retried, and
 * it counts against the client's circuit breaker like any 500 of the backend: against a backend
 * without Hugging Face access, check toxicity with a client of its own (or none).
 */
public interface OasstHuggingFaceApi {
    /** The toxicity of a text: Hugging Face's label scores, per input. */
    @RequestLine(value = "GET /api/v1/hf/text_toxicity?msg={msg}", decodeSlash = false)
    List<List<ToxicityScore>> getTextToxicity(@Param(value = "msg", expander = QueryValue.class) String msg);
}
