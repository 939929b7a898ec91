package org.lightbox.learning.djl.internal;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

/** A small convolutional network for single-channel images: three conv blocks, global pooling, a linear head. */
final class SmallCnn {

    private SmallCnn() {
    }

    static Block build(int classes) {
        SequentialBlock net = new SequentialBlock();
        for (int filters : new int[] {8, 16, 32}) {
            net.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(filters).build())
               .add(BatchNorm.builder().build())
               .add(Activation::relu)
               .add(Pool.maxPool2dBlock(new Shape(2, 2)));
        }
        return net.add(Pool.globalAvgPool2dBlock())
                  .add(Blocks.batchFlattenBlock())
                  .add(Linear.builder().setUnits(classes).build());
    }
}
