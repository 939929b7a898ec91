package org.lightbox.consensus.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.lightbox.agreement.RatingTable;
import org.lightbox.consensus.ConsensusDecision;
import org.lightbox.consensus.ConsensusMethod;
import org.lightbox.consensus.ConsensusOptions;
import org.lightbox.consensus.ConsensusResult;
import org.lightbox.consensus.ConsensusRunner;
import org.lightbox.consensus.ConsensusSummary;
import org.lightbox.consensus.ReadTables;
import org.lightbox.model.Candidate;
import org.lightbox.model.CandidateReason;
import org.lightbox.model.CandidateStatus;
import org.lightbox.model.ConsensusLabel;
import org.lightbox.model.Finding;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.LightboxFactory;
import org.lightbox.model.Read;
import org.lightbox.store.ProjectSession;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** Runs the registered consensus methods on a project; see {@link ConsensusRunner}. */
@Component(service = ConsensusRunner.class)
public final class DefaultConsensusRunner implements ConsensusRunner {

    private static final LightboxFactory FACTORY = LightboxFactory.eINSTANCE;
    private static final int PAGE = 1000;

    private final Map<String, ConsensusMethod> methods = new ConcurrentHashMap<>();

    /** For DS. */
    public DefaultConsensusRunner() {
    }

    /** With these methods, outside OSGi. */
    public DefaultConsensusRunner(Collection<? extends ConsensusMethod> available) {
        available.forEach(this::addMethod);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addMethod(ConsensusMethod method) {
        methods.put(method.id(), method);
    }

    void removeMethod(ConsensusMethod method) {
        methods.remove(method.id(), method);
    }

    @Override
    public List<String> methods() {
        return List.copyOf(new TreeSet<>(methods.keySet()));
    }

    @Override
    public ConsensusSummary run(ProjectSession session, String methodId, ConsensusOptions options) {
        ConsensusMethod method = methods.get(methodId);
        if (method == null) {
            throw new IllegalArgumentException("unknown consensus method '" + methodId + "' (available: " + String.join(", ", methods()) + ")");
        }
        Map<String, RatingTable> tables = ReadTables.byFinding(session.project(), session.allReads(), options::votes);
        for (String code : options.findings()) {
            if (!tables.containsKey(code)) {
                throw new IllegalArgumentException("no reads of finding '" + code + "' (findings with reads: " + String.join(", ", tables.keySet()) + ")");
            }
        }
        List<ConsensusResult> results = new ArrayList<>();
        tables.forEach((code, table) -> {
            if (options.findings().isEmpty() || options.findings().contains(code)) {
                results.add(method.decide(code, table));
            }
        });
        List<ConsensusResult> decided = options.residual() == null ? results : options.residual().apply(results);
        Date at = Date.from(options.decidedAt() == null ? java.time.Instant.now() : options.decidedAt());
        Map<String, ImageRecord> images = images(session, decided.stream().flatMap(r -> r.decisions().stream())
                .map(ConsensusDecision::image).distinct().toList());
        Map<String, Finding> findings = findings(session);
        List<ConsensusLabel> labels = new ArrayList<>();
        List<ConsensusDecision> ties = new ArrayList<>();
        for (ConsensusResult result : decided) {
            for (ConsensusDecision d : result.decisions()) {
                labels.add(label(images.get(d.image()), findings.get(d.finding()), d, at));
                if (d.needsAdjudication()) {
                    ties.add(d);
                }
            }
        }
        List<Candidate> candidates = candidates(session, options.queue(), ties, images, findings, at);
        session.inTransaction(s -> {
            s.putConsensusLabels(labels);
            s.putCandidates(candidates);
            return null;
        });
        return new ConsensusSummary(method.id(), decided, labels.size(), candidates.size());
    }

    @Override
    public ConsensusSummary adjudicate(ProjectSession session, ConsensusOptions options) {
        if (options.adjudicators().isEmpty()) {
            throw new IllegalArgumentException("name the adjudicator(s): reader ids whose reads settle queued images");
        }
        Map<String, Finding> findings = findings(session);
        List<ConsensusLabel> labels = new ArrayList<>();
        List<Candidate> resolved = new ArrayList<>();
        List<ConsensusDecision> decisions = new ArrayList<>();
        for (Candidate c : session.candidates(options.queue())) {
            if (c.getFinding() == null || c.getStatus() == CandidateStatus.RESOLVED || c.getStatus() == CandidateStatus.DISMISSED) {
                continue;
            }
            String code = c.getFinding().getCode();
            List<Read> reads = session.readsOfImage(c.getImage().getImageId()).stream()
                    .filter(r -> r.getFinding().getCode().equals(code) && r.getValue() != null).toList();
            Read ruling = reads.stream().filter(r -> options.adjudicators().contains(r.getReader().getId()))
                    .max((a, b) -> compareTimes(a.getReadAt(), b.getReadAt())).orElse(null);
            if (ruling == null) {
                continue;
            }
            List<ConsensusDecision.Vote> votes = reads.stream().filter(r -> r == ruling || options.votes(r.getReader().getId()))
                    .map(r -> new ConsensusDecision.Vote(r.getReader().getId(), r.getValue())).toList();
            ConsensusDecision d = new ConsensusDecision(c.getImage().getImageId(), code, ruling.getValue(), 1.0, votes, Map.of(),
                    false, ConsensusOptions.ADJUDICATION, "adjudicated by " + ruling.getReader().getId());
            decisions.add(d);
            Date at = ruling.getReadAt() != null ? ruling.getReadAt()
                    : Date.from(options.decidedAt() == null ? java.time.Instant.now() : options.decidedAt());
            labels.add(label(c.getImage(), findings.get(code), d, at));
            c.setStatus(CandidateStatus.RESOLVED);
            c.setNote(join(c.getNote(), "adjudicated by " + ruling.getReader().getId() + ": " + ruling.getValue().getLiteral()));
            resolved.add(c);
        }
        session.inTransaction(s -> {
            s.putConsensusLabels(labels);
            s.putCandidates(resolved);
            return null;
        });
        Map<String, List<ConsensusDecision>> byFinding = new LinkedHashMap<>();
        decisions.forEach(d -> byFinding.computeIfAbsent(d.finding(), f -> new ArrayList<>()).add(d));
        List<ConsensusResult> results = new ArrayList<>();
        byFinding.forEach((f, ds) -> results.add(new ConsensusResult(ConsensusOptions.ADJUDICATION, f, ds, List.of(), List.of())));
        return new ConsensusSummary(ConsensusOptions.ADJUDICATION, results, labels.size(), resolved.size());
    }

    private static ConsensusLabel label(ImageRecord image, Finding finding, ConsensusDecision d, Date at) {
        ConsensusLabel label = FACTORY.createConsensusLabel();
        label.setImage(image);
        label.setFinding(finding);
        label.setValue(d.value());
        label.setMethod(d.method());
        label.setSupport(d.support());
        label.setReadCount(d.readCount());
        label.setDecidedAt(at);
        label.setVotes(votes(d));
        return label;
    }

    /** Who voted what, as stored with the label: {@code r1:PRESENT;r2:ABSENT}, in the decision's vote order. */
    static String votes(ConsensusDecision d) {
        StringBuilder text = new StringBuilder();
        for (ConsensusDecision.Vote vote : d.votes()) {
            text.append(text.isEmpty() ? "" : ";").append(vote.reader()).append(':').append(vote.value().getLiteral());
        }
        return text.toString();
    }

    /** New candidates for new ties, and open ones updated; a tie already resolved or dismissed is left alone. */
    private static List<Candidate> candidates(ProjectSession session, String queue, List<ConsensusDecision> ties,
            Map<String, ImageRecord> images, Map<String, Finding> findings, Date at) {
        Map<String, Candidate> existing = new HashMap<>();
        for (Candidate c : session.candidates(queue)) {
            existing.put(c.getImage().getImageId() + "\n" + (c.getFinding() == null ? "" : c.getFinding().getCode()), c);
        }
        List<Candidate> out = new ArrayList<>();
        for (ConsensusDecision d : ties) {
            Candidate c = existing.get(d.image() + "\n" + d.finding());
            String note = d.method() + " " + d.note() + " (" + d.votesText() + ")";
            if (c == null) {
                c = FACTORY.createCandidate();
                c.setQueue(queue);
                c.setImage(images.get(d.image()));
                c.setFinding(findings.get(d.finding()));
                c.setReason(CandidateReason.DISAGREEMENT);
                c.setStatus(CandidateStatus.OPEN);
                c.setCreatedAt(at);
            } else if (c.getStatus() == CandidateStatus.RESOLVED || c.getStatus() == CandidateStatus.DISMISSED) {
                continue;
            }
            c.setScore(d.readCount());
            c.setNote(note);
            out.add(c);
        }
        return out;
    }

    private static Map<String, ImageRecord> images(ProjectSession session, List<String> ids) {
        Map<String, ImageRecord> images = new HashMap<>();
        for (int from = 0; from < ids.size(); from += PAGE) {
            session.imagesById(ids.subList(from, Math.min(ids.size(), from + PAGE))).forEach(i -> images.put(i.getImageId(), i));
        }
        return images;
    }

    private static Map<String, Finding> findings(ProjectSession session) {
        Map<String, Finding> findings = new HashMap<>();
        if (session.project().getLabelSchema() != null) {
            session.project().getLabelSchema().getFindings().forEach(f -> findings.put(f.getCode(), f));
        }
        return findings;
    }

    private static int compareTimes(Date a, Date b) {
        return a == null ? (b == null ? 0 : -1) : b == null ? 1 : a.compareTo(b);
    }

    private static String join(String a, String b) {
        return a == null || a.isBlank() ? b : a + "; " + b;
    }

}
