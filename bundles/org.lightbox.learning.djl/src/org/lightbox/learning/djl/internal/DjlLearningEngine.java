package org.lightbox.learning.djl.internal;

import java.util.ArrayList;
import java.util.List;

import org.lightbox.learning.BatchSource;
import org.lightbox.learning.EngineInfo;
import org.lightbox.learning.LearningEngine;
import org.lightbox.learning.TrainingReport;
import org.lightbox.learning.TrainingRequest;
import org.osgi.service.component.annotations.Component;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;

/** {@link LearningEngine} on DJL's PyTorch engine; uses the first GPU when CUDA natives are present. */
@Component(service = LearningEngine.class, property = "engine=djl-pytorch")
public final class DjlLearningEngine implements LearningEngine {

    @Override
    public EngineInfo info() {
        return DjlRuntime.call(() -> {
            Engine engine = DjlRuntime.engine();
            return new EngineInfo(engine.getEngineName(), engine.getVersion(), device(engine).toString(),
                    engine.getGpuCount(), DjlRuntime.cacheDir(), Boolean.getBoolean("ai.djl.offline"));
        });
    }

    @Override
    public TrainingReport train(TrainingRequest request, BatchSource source) {
        return DjlRuntime.call(() -> {
            Engine engine = DjlRuntime.engine();
            engine.setRandomSeed((int) request.seed());
            Device device = device(engine);
            try (Model model = Model.newInstance("lightbox-small-cnn", device, engine.getEngineName())) {
                model.setBlock(SmallCnn.build(request.classes()));
                DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.sigmoidBinaryCrossEntropyLoss())
                        .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT)
                        .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(request.learningRate())).build())
                        .optDevices(new Device[] {device});
                try (Trainer trainer = model.newTrainer(config)) {
                    int size = request.imageSize();
                    trainer.initialize(new Shape(1, 1, size, size));
                    return run(trainer, request, source, device);
                }
            }
        });
    }

    private static TrainingReport run(Trainer trainer, TrainingRequest request, BatchSource source, Device device) {
        List<Float> losses = new ArrayList<>(request.steps());
        long timedNanos = 0;
        int size = request.imageSize();
        for (int step = 0; step < request.steps(); step++) {
            BatchSource.Batch batch = source.batch(step);
            long start = System.nanoTime();
            try (NDManager scope = trainer.getManager().newSubManager()) {
                NDArray x = scope.create(batch.pixels(), new Shape(batch.size(), 1, size, size));
                NDArray y = scope.create(batch.labels(), new Shape(batch.size(), request.classes()));
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDList predictions = trainer.forward(new NDList(x));
                    NDArray loss = trainer.getLoss().evaluate(new NDList(y), predictions);
                    collector.backward(loss);
                    losses.add(loss.getFloat());
                }
                trainer.step();
            }
            if (step > 0) {
                timedNanos += System.nanoTime() - start;
            }
        }
        long parameters = 0;
        for (Pair<String, Parameter> p : trainer.getModel().getBlock().getParameters()) {
            parameters += p.getValue().getArray().size();
        }
        double msPerStep = request.steps() > 1 ? timedNanos / 1e6 / (request.steps() - 1) : Double.NaN;
        return new TrainingReport(losses, parameters, msPerStep, device.toString());
    }

    private static Device device(Engine engine) {
        return engine.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    }
}
