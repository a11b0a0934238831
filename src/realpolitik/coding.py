"""Coding articles: the NLP stages (parse, actors, and later events) on batches of articles.

Loads the spaCy pipeline and the actor dictionary once and turns each article into an
`ArticleAnalysis`. It never touches the store: the ingest pipeline writes what it returns.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from spacy.attrs import IDX, IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

from realpolitik.actors.dictionary import ActorDictionary, ActorEntry, load_dictionary
from realpolitik.actors.matcher import COMPONENT, SPANS_KEY
from realpolitik.actors.resolve import ActorResolver
from realpolitik.batching import batched
from realpolitik.config import Config
from realpolitik.events.classifier import load_or_train
from realpolitik.events.extract import EventExtractor
from realpolitik.events.lexicon import load_lexicon
from realpolitik.events.merge import merge_in_article
from realpolitik.events.ontology import Ontology
from realpolitik.events.places import default_gazetteer
from realpolitik.events.relations import RelationExtractor, cue_words
from realpolitik.ingest import Article
from realpolitik.nlp.entities import SelectiveEntities
from realpolitik.nlp.pipeline import build_pipeline
from realpolitik.nlp.selection import SentenceSelector
from realpolitik.records import ArticleAnalysis

BATCH_SIZE = 32
# Dictionary spans of the sentences left unparsed, kept on the parsed Doc for their mentions.
SKIMMED = "realpolitik_skimmed"
CHUNK_SIZE = 32  # articles a worker parses in one nlp.pipe call (the fastest batch)


class ArticleCoder:
    """Parses articles and resolves their actors."""

    def __init__(
        self,
        config: Config,
        *,
        nlp: Language | None = None,
        dictionary: ActorDictionary | None = None,
    ) -> None:
        self.config = config
        self.dictionary = dictionary or load_dictionary(
            config.all_actor_files(), config.cache_dir.expanduser()
        )
        self.nlp = nlp or build_pipeline(config)
        gazetteer = default_gazetteer(config.cache_dir.expanduser())
        self.resolver = ActorResolver(self.dictionary, gazetteer)
        self.ontology = Ontology.load()
        classifier = load_or_train(config.cache_dir.expanduser(), config.training_file())
        lexicon = load_lexicon()
        self.extractor = EventExtractor(
            lexicon, self.ontology, self.dictionary, gazetteer, classifier
        )
        self.relations = RelationExtractor(self.dictionary)
        self.selector = (
            SentenceSelector(self.nlp, lexicon, self.dictionary, cue_words())
            if config.selective
            else None
        )
        self.gazetteer = gazetteer
        self.entities = (
            self.selective_entities()
            if config.selective and SelectiveEntities.applies_to(self.nlp)
            else None
        )

    def selective_entities(self) -> SelectiveEntities:
        """The entity step that runs the model's recogniser only where a name is unknown."""
        return SelectiveEntities(
            self.nlp,
            lambda text: self.gazetteer.lookup(text) is not None,
            known_words=self.dictionary.title_words(),
        )

    def code(self, articles: Sequence[Article]) -> Iterator[tuple[Article, ArticleAnalysis | None]]:
        """Each article with its analysis, in input order; None for an article not in English
        (it passes through, so that the order stored never depends on how coding is split)."""
        docs = self.parse(a.text for a in articles if a.is_english)
        for article in articles:
            yield article, self.analyse(article, next(docs)) if article.is_english else None

    def parse(self, texts: Iterable[str]) -> Iterator[Doc]:
        """The texts parsed, in order: selectively when so configured (skipped sentences blanked,
        the entity recogniser only where a name is unknown), else by the whole pipeline."""
        inputs = (self.parse_input(text) for text in texts)
        # parse_input has marked the actors already when it parses selectively
        skip = [COMPONENT] if self.selector is not None and self.selector.marks_actors else []
        if self.entities is None:
            return iter(self.nlp.pipe(inputs, batch_size=BATCH_SIZE, disable=skip))
        docs = self.nlp.pipe(inputs, batch_size=BATCH_SIZE, disable=[*skip, "ner"])
        return self.entities.pipe(docs, batch_size=BATCH_SIZE)

    def parse_one(self, text: str) -> Doc:
        return next(self.parse([text]))

    def parse_input(self, text: str) -> str | Doc:
        """The text itself, or (parsing selectively) a Doc of it with its dictionary actors
        marked and the sentences that can hold no event blanked out and fenced off as sentences
        of their own."""
        if self.selector is None:
            return text
        choice, first_pass = self.selector.choose(text)
        found = first_pass.spans.get(SPANS_KEY, [])
        doc = self.nlp.make_doc(choice.parse_text(text))
        if self.selector.marks_actors:
            kept = choice.spans_within(found, choice.parsed_spans())
            self.selector.actors.transfer(kept, doc)
        if not choice.skipped:
            return doc
        doc.user_data[SKIMMED] = choice.spans_within(found, choice.skipped_spans())
        skipped = iter(choice.skipped_spans())
        start, end = next(skipped)
        was_blank = False
        for i, (offset, space) in enumerate(doc.to_array([IDX, IS_SPACE]).tolist()):
            while offset >= end:
                start, end = next(skipped, (len(text) + 1, len(text) + 1))
            blank = offset >= start and bool(space)
            if blank != was_blank:
                doc[i].is_sent_start = True  # a blanked stretch is a sentence of its own
            was_blank = blank
        return doc

    def code_stream(
        self, articles: Iterable[Article]
    ) -> Iterator[tuple[Article, ArticleAnalysis | None]]:
        """Code a stream in batches, in input order, holding one batch at a time."""
        for batch in batched(articles, BATCH_SIZE):
            yield from self.code(batch)

    def code_one(self, article: Article) -> ArticleAnalysis:
        return self.analyse(article, self.parse_one(article.text))

    def analyse(self, article: Article, doc: Doc) -> ArticleAnalysis:
        resolved = self.resolver.resolve(doc, article.published)
        events = merge_in_article(
            self.extractor.extract(doc, resolved, article.id, article.published)
        )
        relations = self.relations.extract(doc, resolved, events, article.id, article.published)
        skimmed = self.resolver.skim(doc.user_data.get(SKIMMED, ()), article.published)
        mentions = sorted([*resolved.sorted(), *skimmed], key=lambda m: (m.start, m.end))
        actors: dict[str, ActorEntry] = {}
        referenced = [m.actor_id for m in mentions]
        referenced += [e.source for e in events] + [e.target for e in events]
        referenced += [r.source for r in relations] + [r.target for r in relations]
        for actor_id in referenced:
            if actor_id:
                self._collect(actor_id, resolved.new_actors, actors)
        return ArticleAnalysis(mentions=mentions, actors=actors, events=events, relations=relations)

    def _collect(
        self, actor_id: str, new_actors: dict[str, ActorEntry], into: dict[str, ActorEntry]
    ) -> None:
        """The actor and its ancestors, so that every stored parent is itself stored."""
        pending: list[str] = [actor_id]
        while pending:
            current = pending.pop()
            if current in into:
                continue
            entry = self.dictionary.get(current) or new_actors.get(current)
            if entry is None:
                continue
            into[current] = entry
            pending.extend(ref for ref in (entry.parent, entry.affiliation) if ref)


class ParallelCoder:
    """Codes batches in worker processes, results in input order (so what is stored does not
    depend on the number of workers). Workers fork from a process that already holds a loaded
    `ArticleCoder`, so the model and dictionaries are shared copy-on-write, not loaded again.
    Small batches are coded in this process: starting workers costs more than it saves."""

    MIN_BATCH = 8

    def __init__(self, coder: ArticleCoder, workers: int) -> None:
        self.coder = coder
        self.workers = workers
        self._pool: Any = None

    @property
    def dictionary(self) -> ActorDictionary:
        return self.coder.dictionary

    def code(self, articles: Sequence[Article]) -> Iterator[tuple[Article, ArticleAnalysis | None]]:
        return self.code_stream(articles)

    def code_stream(
        self, articles: Iterable[Article]
    ) -> Iterator[tuple[Article, ArticleAnalysis | None]]:
        """Chunks go to the workers as they are read, at most two per worker in flight (memory
        stays bounded whatever the input), and come back in input order."""
        if self.workers <= 1:
            yield from self.coder.code_stream(articles)
            return
        from collections import deque

        pending: deque[tuple[list[Article], Any]] = deque()
        for chunk in batched(articles, CHUNK_SIZE):
            if len(chunk) < self.MIN_BATCH and not pending and self._pool is None:
                yield from self.coder.code(chunk)  # a handful of articles: no workers needed
                continue
            pool = self._ensure_pool()
            pending.append((chunk, pool.apply_async(_code_chunk_in_worker, (chunk,))))
            if len(pending) >= self.workers * 2:
                done, result = pending.popleft()
                yield from zip(done, result.get(), strict=True)
        while pending:
            done, result = pending.popleft()
            yield from zip(done, result.get(), strict=True)

    def code_one(self, article: Article) -> ArticleAnalysis:
        return self.coder.code_one(article)

    def _ensure_pool(self) -> Any:
        if self._pool is None:
            import multiprocessing

            _WORKER_STATE["coder"] = self.coder  # inherited by the forked workers
            context = multiprocessing.get_context("fork")
            self._pool = context.Pool(self.workers)
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None
            _WORKER_STATE.clear()


# The one piece of process state: the coder a forked worker inherits from its parent.
_WORKER_STATE: dict[str, ArticleCoder] = {}


def _code_chunk_in_worker(articles: list[Article]) -> list[ArticleAnalysis | None]:
    return [analysis for _, analysis in _WORKER_STATE["coder"].code(articles)]
