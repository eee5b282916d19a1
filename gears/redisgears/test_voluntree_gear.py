"""Unit tests of voluntree_gear.py's pure functions: python3 -m unittest discover -s gears/redisgears

No RedisGears or RedisAI here: the model is a plain function handed to classify_batch, and the
GearsBuilder calls are recorded by a stand-in that only checks how the script registers itself.
"""

import datetime
import json
import math
import struct
import unittest

import voluntree_gear as gear

EVENT = json.dumps({'id': 'c:555_1:add', 'kind': 'COMMENT', 'text': 'Count me in'}).encode('utf-8')

TABLE = [[0, 0, 0], [2, 0, 0], [0, 3, 0], [0, 0, 1], [1, 1, -1]]


def manifest(analyzer, version, labels=('a', 'b', 'c'), width=4, buckets=5):
    return {'analyzer': analyzer, 'version': version, 'labels': list(labels),
            'input': {'name': 'ids', 'dtype': 'INT32', 'shape': [-1, width]},
            'output': {'name': 'probs', 'dtype': 'FLOAT', 'shape': [-1, len(labels)]},
            'featuriser': {'maxFeatures': width, 'buckets': buckets}}


def softmax_of_summed_rows(ids, width):
    """What TensorFlowEngineTest's table-sum graph computes, row by row."""
    out = []
    for row in range(len(ids) // width):
        logits = [0.0, 0.0, 0.0]
        for i in ids[row * width:(row + 1) * width]:
            for c in range(3):
                logits[c] += TABLE[i][c]
        total = sum(math.exp(x) for x in logits)
        out += [math.exp(x) / total for x in logits]
    return out


class Model:
    """The model as classify_batch sees it: a function from a batch to float32 scores. Records its calls."""

    def __init__(self):
        self.calls = []

    def __call__(self, analyzer, version, manifest_, rows, blob):
        ids = gear.unpack_int32(blob)
        self.calls.append((analyzer, version, rows, ids))
        return gear.pack_float32(softmax_of_summed_rows(ids, manifest_['featuriser']['maxFeatures']))


def featurised(**analyzers):
    fields = {'event': EVENT}
    for analyzer, (version, ids) in analyzers.items():
        fields['v:' + analyzer] = str(version).encode('ascii')
        fields['f:' + analyzer] = struct.pack('<%di' % len(ids), *ids)
    return fields


def as_dict(flat):
    return {flat[i]: flat[i + 1] for i in range(0, len(flat), 2)}


class BinaryFormatTest(unittest.TestCase):

    def test_packing_matches_the_java_contract_byte_for_byte(self):
        # the same bytes BinaryArrays.packInts / packFloats write (TensorBlobsTest checks the Java side)
        self.assertEqual(gear.pack_int32([1, 256, 65535, -1]),
                         bytes.fromhex('01000000' '00010000' 'ffff0000' 'ffffffff'))
        self.assertEqual(gear.pack_float32([1.0, 0.5, 0.0, -1.0]),
                         bytes.fromhex('0000803f' '0000003f' '00000000' '000080bf'))
        self.assertEqual(gear.unpack_int32(bytes.fromhex('ffff0000')), [65535])

    def test_refuses_lengths_that_are_not_whole_values(self):
        with self.assertRaisesRegex(ValueError, 'int32 array of 5 bytes is not a multiple of 4'):
            gear.unpack_int32(b'\x00' * 5)
        with self.assertRaises(ValueError):
            gear.unpack_float32(b'\x00' * 3)

    def test_argmax_takes_the_first_of_equal_scores_like_the_manifest(self):
        self.assertEqual(gear.argmax([0.1, 0.7, 0.2]), 1)
        self.assertEqual(gear.argmax([0.4, 0.4, 0.2]), 0)

    def test_keys_match_the_java_engine_and_registry(self):
        self.assertEqual(gear.model_key('intent', 3), 'model:{intent}:3:ai')
        self.assertEqual(gear.registry_key('intent', 3), 'model:{intent}:3')

    def test_stream_values_come_back_as_the_original_bytes_whatever_python_type_gears_uses(self):
        ids = struct.pack('<2i', 3, 70000)
        record = {'key': 's:comments', 'id': '1-0',
                  'value': {'event': EVENT.decode('utf-8'), 'v:intent': '2', 'f:intent': bytearray(ids)}}
        ascii_ids = struct.pack('<2i', 1, 2)  # valid UTF-8, so RedisGears may hand it over as str

        fields = gear.record_fields(record)

        self.assertEqual(fields, {'event': EVENT, 'v:intent': b'2', 'f:intent': ids})
        self.assertEqual(gear.as_bytes(ascii_ids.decode('utf-8')), ascii_ids)
        self.assertEqual(gear.record_fields({'streamId': '1-0', 'event': 'x'}), {'event': b'x'})
        self.assertEqual(gear.record_id(record), '1-0')

    def test_binary_command_arguments_become_bytearrays(self):
        self.assertEqual(gear.command_args(['p:intent', b'\x00\x01', 'x']), ['p:intent', bytearray(b'\x00\x01'), 'x'])
        self.assertIsInstance(gear.command_args([b'\x00'])[0], bytearray)


class ParseTest(unittest.TestCase):

    def test_reads_the_event_and_every_analyzers_version_and_ids(self):
        event, features = gear.parse_featurised(featurised(intent=(3, [1, 0, 0, 0]), offense=(1, [2, 2, 0, 0])))

        self.assertEqual(event, EVENT)
        self.assertEqual(features, {'intent': (3, [1, 0, 0, 0]), 'offense': (1, [2, 2, 0, 0])})

    def test_refuses_what_featurised_message_refuses(self):
        cases = [
            ({'v:intent': b'1', 'f:intent': b''}, "field 'event' is missing"),
            ({'event': b'not json'}, 'event is not a valid event record'),
            ({'event': EVENT, 'v:intent': b'one', 'f:intent': b''}, 'version of intent is not a number'),
            ({'event': EVENT, 'v:intent': b'1'}, "field 'f:intent' is missing"),
            ({'event': EVENT, 'v:intent': b'1', 'f:intent': b'\x00' * 5},
             'features of intent: int32 array of 5 bytes is not a multiple of 4'),
        ]
        for fields, reason in cases:
            with self.subTest(reason=reason):
                with self.assertRaisesRegex(gear.MalformedRecord, reason):
                    gear.parse_featurised(fields)


class ClassifyBatchTest(unittest.TestCase):

    def setUp(self):
        self.manifests = {('intent', 3): manifest('intent', 3, labels=('volunteer', 'question', 'other')),
                          ('intent', 2): manifest('intent', 2),
                          ('offense', 1): manifest('offense', 1, labels=('hate', 'offensive', 'neither'))}
        self.model = Model()

    def classify(self, entries):
        return gear.classify_batch(entries, lambda a, v: self.manifests.get((a, v)), self.model)

    def test_runs_one_tensor_per_analyzer_and_version_and_writes_one_merged_record_per_message(self):
        entries = [featurised(intent=(3, [1, 0, 0, 0]), offense=(1, [3, 0, 0, 0])),
                   featurised(intent=(3, [2, 3, 0, 0]), offense=(1, [1, 1, 0, 0])),
                   featurised(intent=(2, [4, 4, 1, 2]))]

        classified, dead = self.classify(entries)

        self.assertEqual(dead, [])
        self.assertEqual(sorted((a, v, rows) for a, v, rows, _ in self.model.calls),
                         [('intent', 2, 1), ('intent', 3, 2), ('offense', 1, 2)])
        intent_v3 = [c for c in self.model.calls if c[:2] == ('intent', 3)][0]
        self.assertEqual(intent_v3[3], [1, 0, 0, 0, 2, 3, 0, 0])  # rows in entry order, row-major
        self.assertEqual(len(classified), 3)
        first = as_dict(classified[0])
        self.assertEqual(classified[0][:2], ['event', EVENT])
        self.assertEqual(first['v:intent'], b'3')
        self.assertEqual(first['l:intent'], b'volunteer')
        self.assertEqual(first['l:offense'], b'neither')
        scores = gear.unpack_float32(first['p:intent'])
        for got, want in zip(scores, softmax_of_summed_rows([1, 0, 0, 0], 4)):
            self.assertAlmostEqual(got, want, places=6)
        self.assertEqual(as_dict(classified[1])['l:intent'], b'question')
        self.assertEqual(set(as_dict(classified[2])), {'event', 'v:intent', 'l:intent', 'p:intent'})

    def test_dead_letters_what_can_never_be_classified_and_keeps_the_rest(self):
        good = featurised(intent=(3, [1, 0, 0, 0]))
        entries = [{'event': EVENT, 'v:intent': b'x', 'f:intent': b''},
                   featurised(intent=(9, [1, 0, 0, 0])),
                   featurised(intent=(3, [1, 0, 0])),
                   featurised(intent=(3, [1, 0, 0, 7])),
                   good]

        classified, dead = self.classify(entries)

        self.assertEqual([as_dict(c)['l:intent'] for c in classified], [b'volunteer'])
        reasons = [reason for _, reason in dead]
        self.assertEqual(len(reasons), 4)
        self.assertIn('malformed entry: version of intent is not a number', reasons[0])
        self.assertIn("model intent v9 is not in the registry; 'model-tools list' shows the stored versions", reasons)
        self.assertIn('intent v3: has 3 feature ids but the model reads 4', reasons)
        self.assertIn('intent v3: feature id 7 is outside 0..4', reasons)
        self.assertIs(dead[0][0], entries[0])

    def test_a_message_rejected_by_one_analyzer_is_dead_lettered_once_and_not_written(self):
        entries = [featurised(intent=(3, [1, 0, 0]), offense=(1, [1, 0, 0, 0]))]

        classified, dead = self.classify(entries)

        self.assertEqual(classified, [])
        self.assertEqual(len(dead), 1)

    def test_a_model_missing_from_redisai_dead_letters_its_group_with_the_fix(self):
        def unavailable(analyzer, version, manifest_, rows, blob):
            raise gear.ModelUnavailable("model:{intent}:3:ai is not stored in RedisAI; run 'model-tools gears register'")

        classified, dead = gear.classify_batch([featurised(intent=(3, [1, 0, 0, 0]))],
                                               lambda a, v: self.manifests.get((a, v)), unavailable)

        self.assertEqual(classified, [])
        self.assertIn('gears register', dead[0][1])

    def test_any_other_model_failure_fails_the_batch_so_it_is_retried(self):
        def broken(analyzer, version, manifest_, rows, blob):
            raise RuntimeError('backend crashed')

        with self.assertRaisesRegex(RuntimeError, 'backend crashed'):
            gear.classify_batch([featurised(intent=(3, [1, 0, 0, 0]))],
                                lambda a, v: self.manifests.get((a, v)), broken)

    def test_a_model_returning_the_wrong_number_of_scores_fails_the_batch(self):
        with self.assertRaisesRegex(ValueError, 'returned 2 scores for 1 rows x 3 labels'):
            gear.classify_batch([featurised(intent=(3, [1, 0, 0, 0]))],
                                lambda a, v: self.manifests.get((a, v)),
                                lambda *args: gear.pack_float32([0.5, 0.5]))


class DeadLetterTest(unittest.TestCase):

    def test_writes_the_dead_letters_stream_entry_format(self):
        fields = featurised(intent=(3, [1, 0, 0, 0]))

        entry = as_dict(gear.dead_letter_fields('s:comments', fields, 'model intent v9 is not in the registry', 1,
                                                now=1764075000.25))

        self.assertEqual(entry['source'], b's:comments')
        self.assertEqual(entry['type'], b'stream')
        self.assertEqual(entry['error'], b'model intent v9 is not in the registry')
        self.assertEqual(entry['attempts'], b'1')
        self.assertEqual(entry['failedAt'], b'2025-11-25T12:50:00.250Z')  # java.time.Instant.parse reads this
        self.assertEqual(datetime.datetime.fromisoformat(entry['failedAt'].decode().replace('Z', '+00:00')).year, 2025)
        self.assertEqual(entry['x:event'], EVENT)
        self.assertEqual(entry['x:f:intent'], fields['f:intent'])


class RegistrationTest(unittest.TestCase):

    def test_registers_a_stream_reader_on_s_comments_with_batch_and_duration(self):
        calls = []

        class Builder:
            def __init__(self, reader, desc=None):
                calls.append(('GB', reader))

            def accumulate(self, fn):
                calls.append(('accumulate', fn))
                return self

            def foreach(self, fn):
                calls.append(('foreach', fn))
                return self

            def register(self, **kwargs):
                calls.append(('register', kwargs))

        gear.GB = Builder
        try:
            gear.register()
        finally:
            del gear.GB

        self.assertEqual(calls[0], ('GB', 'StreamReader'))
        self.assertEqual([c[0] for c in calls], ['GB', 'accumulate', 'foreach', 'register'])
        options = calls[3][1]
        self.assertEqual(options['prefix'], 's:comments')
        self.assertEqual(options['batch'], 256)
        self.assertEqual(options['duration'], 50)
        self.assertFalse(options['trimStream'])
        self.assertEqual(options['mode'], 'async_local')
        collect = calls[1][1]
        self.assertEqual(collect(collect(None, 'r1'), 'r2'), ['r1', 'r2'])


if __name__ == '__main__':
    unittest.main()
