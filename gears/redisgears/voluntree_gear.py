"""Voluntree's gear inside Redis: a RedisGears 1.x script that classifies s:comments with RedisAI.

It does what the Java gear (gears/.../Gear.java) does, without leaving Redis:

  s:comments --StreamReader(batch, duration)--> group by (analyzer, model version)
      --> one INT32 [rows, maxFeatures] tensor per group --> the RedisAI model model:{a}:<v>:ai
      --> XADD s:classified (MAXLEN ~): event, v:<a>, l:<a> (winning label), p:<a> (float32 LE scores)

and sends what can never be classified (malformed entry, unknown model version, features that do
not fit the model, model not stored in RedisAI) to s:dead in the format of contracts' DeadLetters,
so 'model-tools dead list|replay' handle them like the Java gear's.

Register it with 'model-tools gears register' (which first stores the registry's models in
RedisAI). Everything above the "RedisGears glue" line is plain Python with no RedisGears import,
so test_voluntree_gear.py tests it with python3 -m unittest. See docs/redisai.md.
"""

import json
import struct
import time

COMMENTS_STREAM = 's:comments'
CLASSIFIED_STREAM = 's:classified'
DEAD_STREAM = 's:dead'

# Batching: an execution starts when BATCH_SIZE entries arrived or DURATION_MS passed (the Java
# gear's VOLUNTREE_GEAR_BATCH_SIZE / VOLUNTREE_GEAR_MAX_WAIT defaults).
BATCH_SIZE = 256
DURATION_MS = 50
CLASSIFIED_MAX_LENGTH = 1000000
DEAD_MAX_LENGTH = 100000
REGISTRATION_DESCRIPTION = 'voluntree: classify s:comments with RedisAI into s:classified'

EVENT = 'event'
VERSION_PREFIX = 'v:'
FEATURES_PREFIX = 'f:'
LABEL_PREFIX = 'l:'
SCORES_PREFIX = 'p:'
DEAD_FIELD_PREFIX = 'x:'


class MalformedRecord(Exception):
    """An s:comments entry that FeaturisedMessage.fromFields would refuse too."""


class ModelUnavailable(Exception):
    """The model a message needs is not in the registry or not stored in RedisAI."""


# ---------------------------------------------------------------- pure functions (unit-tested)

def model_key(analyzer, version):
    """The RedisAI model of a registry version; RedisAiKeys.model in Java: model:{intent}:3:ai."""
    return 'model:{%s}:%d:ai' % (analyzer, version)


def registry_key(analyzer, version):
    """The registry hash of a version (RedisNames.modelVersion): field 'manifest' holds its JSON."""
    return 'model:{%s}:%d' % (analyzer, version)


def as_bytes(value):
    """A stream value as the bytes Redis holds.

    RedisGears hands a value over as str when it decodes as UTF-8 and as bytes/bytearray when it
    does not; UTF-8 decoding is lossless, so encoding the str again gives the original bytes.
    """
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    if isinstance(value, str):
        return value.encode('utf-8')
    raise MalformedRecord('field value of type %s' % type(value).__name__)


def record_fields(record):
    """The fields of a StreamReader record ({'key', 'id', 'value': {...}}) as {name: bytes}."""
    if isinstance(record, dict) and isinstance(record.get('value'), dict):
        raw = record['value']
    else:
        # RedisGears 1.0.x put the fields next to 'streamId'
        raw = {k: v for k, v in record.items() if k not in ('key', 'id', 'streamId')}
    fields = {}
    for name, value in raw.items():
        fields[as_bytes(name).decode('utf-8')] = as_bytes(value)
    return fields


def record_id(record):
    return record.get('id', record.get('streamId', '')) if isinstance(record, dict) else ''


def pack_int32(values):
    return struct.pack('<%di' % len(values), *values)


def unpack_int32(blob):
    if len(blob) % 4 != 0:
        raise ValueError('int32 array of %d bytes is not a multiple of 4' % len(blob))
    return list(struct.unpack('<%di' % (len(blob) // 4), blob))


def pack_float32(values):
    return struct.pack('<%df' % len(values), *values)


def unpack_float32(blob):
    if len(blob) % 4 != 0:
        raise ValueError('float32 array of %d bytes is not a multiple of 4' % len(blob))
    return list(struct.unpack('<%df' % (len(blob) // 4), blob))


def argmax(scores):
    """Index of the highest score, the first one on ties (ModelManifest.labelOf)."""
    best = 0
    for i in range(1, len(scores)):
        if scores[i] > scores[best]:
            best = i
    return best


def parse_featurised(fields):
    """(event JSON bytes, {analyzer: (version, ids)}) of an s:comments entry, like FeaturisedMessage.fromFields."""
    if EVENT not in fields:
        raise MalformedRecord("field 'event' is missing")
    event = fields[EVENT]
    try:
        if not isinstance(json.loads(event.decode('utf-8')), dict):
            raise ValueError('not an object')
    except ValueError as e:
        raise MalformedRecord('event is not a valid event record: %s' % e)
    features = {}
    for analyzer in sorted(n[len(VERSION_PREFIX):] for n in fields if n.startswith(VERSION_PREFIX)):
        try:
            version = int(fields[VERSION_PREFIX + analyzer].decode('ascii'))
        except (ValueError, UnicodeDecodeError):
            raise MalformedRecord('version of %s is not a number' % analyzer)
        name = FEATURES_PREFIX + analyzer
        if name not in fields:
            raise MalformedRecord("field '%s' is missing" % name)
        try:
            features[analyzer] = (version, unpack_int32(fields[name]))
        except ValueError as e:
            raise MalformedRecord('features of %s: %s' % (analyzer, e))
    return event, features


def features_problem(ids, width, buckets):
    """Why ids cannot go into a model reading width ids below buckets (BatchClassifier.check), or None."""
    if len(ids) != width:
        return 'has %d feature ids but the model reads %d' % (len(ids), width)
    for i in ids:
        if i < 0 or i >= buckets:
            return 'feature id %d is outside 0..%d' % (i, buckets - 1)
    return None


def classified_fields(event, verdicts):
    """The s:classified entry (ClassifiedMessage.toFields): [name, value, ...] with bytes values.

    verdicts: {analyzer: (version, label, scores)}.
    """
    out = [EVENT, event]
    for analyzer in sorted(verdicts):
        version, label, scores = verdicts[analyzer]
        out += [VERSION_PREFIX + analyzer, str(version).encode('ascii'),
                LABEL_PREFIX + analyzer, label.encode('utf-8'),
                SCORES_PREFIX + analyzer, pack_float32(scores)]
    return out


def dead_letter_fields(source, fields, error, attempts, now=None):
    """An s:dead entry for a stream entry that gave up (DeadLetters.addStreamEntry)."""
    now = time.time() if now is None else now
    failed_at = time.strftime('%Y-%m-%dT%H:%M:%S', time.gmtime(now)) + '.%03dZ' % (int(now * 1000) % 1000)
    out = ['source', source.encode('utf-8'), 'type', b'stream', 'error', error.encode('utf-8'),
           'attempts', str(attempts).encode('ascii'), 'failedAt', failed_at.encode('ascii')]
    for name in fields:
        out += [DEAD_FIELD_PREFIX + name, fields[name]]
    return out


def classify_batch(entries, manifest_of, run_model):
    """Classifies a batch the way BatchClassifier does.

    entries: [fields] of s:comments entries ({name: bytes}).
    manifest_of(analyzer, version): the registry manifest (dict), or None when the version is unknown.
    run_model(analyzer, version, manifest, rows, blob): float32 LE scores of rows x labels, or raises
        ModelUnavailable; any other exception fails the whole batch (so it is retried).
    Returns (classified, dead): classified is a list of s:classified field lists in entry order,
    dead a list of (fields, reason) for entries that can never be classified.
    """
    parsed = []
    dead = []
    rejected = set()
    for index, fields in enumerate(entries):
        try:
            parsed.append(parse_featurised(fields))
        except MalformedRecord as e:
            parsed.append(None)
            rejected.add(index)
            dead.append((fields, 'malformed entry: %s' % e))

    def reject(index, reason):
        if index not in rejected:
            rejected.add(index)
            dead.append((entries[index], reason))

    groups = {}
    for index, item in enumerate(parsed):
        if item is None:
            continue
        for analyzer, (version, _) in item[1].items():
            groups.setdefault((analyzer, version), []).append(index)

    verdicts = [dict() for _ in entries]
    for (analyzer, version), indices in sorted(groups.items()):
        manifest = manifest_of(analyzer, version)
        if manifest is None:
            for index in indices:
                reject(index, "model %s v%d is not in the registry; 'model-tools list' shows the stored versions"
                       % (analyzer, version))
            continue
        width = manifest['featuriser']['maxFeatures']
        buckets = manifest['featuriser']['buckets']
        labels = manifest['labels']
        members = []
        for index in indices:
            problem = features_problem(parsed[index][1][analyzer][1], width, buckets)
            if problem is not None:
                reject(index, '%s v%d: %s' % (analyzer, version, problem))
            else:
                members.append(index)
        if not members:
            continue
        ids = []
        for index in members:
            ids += parsed[index][1][analyzer][1]
        try:
            blob = run_model(analyzer, version, manifest, len(members), pack_int32(ids))
        except ModelUnavailable as e:
            for index in members:
                reject(index, str(e))
            continue
        scores = unpack_float32(blob)
        if len(scores) != len(members) * len(labels):
            raise ValueError('%s returned %d scores for %d rows x %d labels'
                             % (model_key(analyzer, version), len(scores), len(members), len(labels)))
        for row, index in enumerate(members):
            row_scores = scores[row * len(labels):(row + 1) * len(labels)]
            verdicts[index][analyzer] = (version, labels[argmax(row_scores)], row_scores)

    classified = [classified_fields(parsed[i][0], verdicts[i])
                  for i in range(len(entries)) if i not in rejected]
    return classified, dead


def command_args(values):
    """Arguments for RedisGears' execute(): binary values as bytearray, which it passes through unchanged."""
    return [bytearray(v) if isinstance(v, bytes) else v for v in values]


# ---------------------------------------------------------------- RedisGears glue (runs only inside Redis)

_manifests = {}


def _manifest_from_registry(analyzer, version):
    cached = _manifests.get((analyzer, version))
    if cached is None:
        raw = execute('HGET', registry_key(analyzer, version), 'manifest')  # noqa: F821 (RedisGears builtin)
        if raw is None:
            return None
        cached = json.loads(as_bytes(raw).decode('utf-8'))
        _manifests[(analyzer, version)] = cached
    return cached


def _run_in_redisai(analyzer, version, manifest, rows, blob):
    import redisAI  # provided by RedisGears when RedisAI is loaded
    key = model_key(analyzer, version)
    if execute('EXISTS', key) == 0:  # noqa: F821
        raise ModelUnavailable("%s is not stored in RedisAI; run 'model-tools gears register' (it stores the "
                               "registry's models), then 'model-tools dead replay --all'" % key)
    width = manifest['featuriser']['maxFeatures']
    tensor = redisAI.createTensorFromBlob('INT32', [rows, width], bytearray(blob))
    runner = redisAI.createModelRunner(key)
    redisAI.modelRunnerAddInput(runner, manifest['input']['name'], tensor)
    redisAI.modelRunnerAddOutput(runner, manifest['output']['name'])
    outputs = redisAI.modelRunnerRun(runner)
    return bytes(redisAI.tensorGetDataAsBlob(outputs[0]))


def _collect(batch, record):
    batch = batch if batch is not None else []
    batch.append(record)
    return batch


def _process(records):
    entries = [record_fields(r) for r in records]
    classified, dead = classify_batch(entries, _manifest_from_registry, _run_in_redisai)
    for fields in classified:
        execute('XADD', CLASSIFIED_STREAM, 'MAXLEN', '~', str(CLASSIFIED_MAX_LENGTH), '*',  # noqa: F821
                *command_args(fields))
    for fields, reason in dead:
        execute('XADD', DEAD_STREAM, 'MAXLEN', '~', str(DEAD_MAX_LENGTH), '*',  # noqa: F821
                *command_args(dead_letter_fields(COMMENTS_STREAM, fields, reason, 1)))
        log('voluntree gear dead-lettered an entry of %s: %s' % (COMMENTS_STREAM, reason),  # noqa: F821
            level='warning')


def register():
    GB('StreamReader', desc=REGISTRATION_DESCRIPTION) \
        .accumulate(_collect) \
        .foreach(_process) \
        .register(prefix=COMMENTS_STREAM, batch=BATCH_SIZE, duration=DURATION_MS, mode='async_local',
                  onFailedPolicy='retry', onFailedRetryInterval=1, trimStream=False)  # noqa: F821


try:
    GB  # noqa: B018 -- defined only inside RedisGears
except NameError:
    pass
else:
    register()
