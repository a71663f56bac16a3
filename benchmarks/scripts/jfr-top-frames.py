#!/usr/bin/env python3
"""Summarises JFR execution samples per thread: the hottest top frames, and the share of samples whose stack
contains one of a few Driftwatch/Flink/Jackson markers (inclusive time).

Usage: jfr print --stack-depth 40 --events jdk.ExecutionSample rec.jfr > samples.txt
       benchmarks/scripts/jfr-top-frames.py samples.txt [THREADS] [TOP]
"""
import collections
import re
import sys

DEFAULT_THREADS = 6
DEFAULT_TOP = 12
# Substrings of frames whose inclusive share is reported (the pipeline's stages and their usual costs).
MARKERS = ['PredictionDeserializer', 'EventParser', 'TokenReader', 'Double.parseDouble', 'JavaDoubleParser',
           'ObservationMapper', 'SegmentKeys', 'PreShuffleBundler', 'ObservationBatchSerializer.serialize',
           'ObservationBatchSerializer.deserialize', 'PojoSerializer.serialize', 'PojoSerializer.deserialize',
           'RecordWriter', 'WindowAggregator.processElement', 'WindowAggregator.onTimer', 'WindowAccumulator.add',
           'FeatureState.add', 'NumericWindowState.add', 'KllDoublesSketch', 'CategoryCounts', 'TreeMap', 'HashMap',
           'WindowEmitter', 'ClickHouse', 'KafkaConsumer']


def samples(text):
    """(thread, [frame, ...] innermost first) per sample."""
    for event in text.split('jdk.ExecutionSample {')[1:]:
        thread = re.search(r'sampledThread = "([^"]*)"', event)
        name = re.sub(r'\d+', 'N', thread.group(1))[:60] if thread else '?'
        stack = event.split('stackTrace = [')[1] if 'stackTrace = [' in event else ''
        frames = [re.sub(r'\(.*', '', f) for f in re.findall(r'^\s{4}(\S.*?)(?: line: \d+)?$', stack, re.M)
                  if f not in (']', '...')]
        yield name, frames


def main():
    threads_shown = int(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_THREADS
    top_shown = int(sys.argv[3]) if len(sys.argv) > 3 else DEFAULT_TOP
    per_thread = collections.Counter()
    top = collections.defaultdict(collections.Counter)
    inclusive = collections.defaultdict(collections.Counter)
    with open(sys.argv[1], encoding='utf-8') as f:
        for thread, frames in samples(f.read()):
            per_thread[thread] += 1
            if frames:
                top[thread][frames[0]] += 1
            for marker in {m for m in MARKERS for frame in frames if m in frame}:
                inclusive[thread][marker] += 1
    total = sum(per_thread.values())
    for thread, count in per_thread.most_common(threads_shown):
        print(f'== {thread}: {count} samples ({100 * count / total:.1f}%)')
        for frame, n in top[thread].most_common(top_shown):
            print(f'   top  {100 * n / count:5.1f}% {frame}')
        for marker, n in inclusive[thread].most_common():
            print(f'   incl {100 * n / count:5.1f}% {marker}')


if __name__ == '__main__':
    main()
