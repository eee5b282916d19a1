/** {@code POST /api/predict}: every active analyzer's label and scores for one text, like a model-serving API. */
package org.voluntree.app.predict;
