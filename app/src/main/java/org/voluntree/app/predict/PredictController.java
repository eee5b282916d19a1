package org.voluntree.app.predict;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;

/** {@code POST /api/predict {"text": "..."}}: every active analyzer's label and scores. Admins only. */
@Tag(name = "Models", description = "Model versions, training and predictions")
@RestController
@ConditionalOnRole(Role.WEB)
class PredictController {

    /** The text to classify. */
    record PredictRequest(@NotBlank @Size(max = 8000) String text) {}

    private final Predictions predictions;

    PredictController(Predictions predictions) {
        this.predictions = predictions;
    }

    @Operation(summary = "Classifies a text with every active model: each analyzer's label and scores")
    @PostMapping("/api/predict")
    Map<String, Predictions.Verdict> predict(@Valid @RequestBody PredictRequest request) {
        return predictions.predict(request.text());
    }
}
