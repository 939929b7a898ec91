package org.lightbox.dataset;

import java.util.List;

import org.lightbox.model.Finding;
import org.lightbox.model.LabelSchema;
import org.lightbox.model.LightboxFactory;

/** The 14 findings of NIH ChestX-ray14 (Wang et al., CVPR 2017), spelt as in its Data_Entry file. */
public final class Cxr14Schema {

    public static final List<String> FINDINGS = List.of("Atelectasis", "Cardiomegaly", "Effusion", "Infiltration",
            "Mass", "Nodule", "Pneumonia", "Pneumothorax", "Consolidation", "Edema", "Emphysema", "Fibrosis",
            "Pleural_Thickening", "Hernia");

    private Cxr14Schema() {
    }

    /** A fresh label schema with the 14 findings in the dataset's order. */
    public static LabelSchema create() {
        LabelSchema schema = LightboxFactory.eINSTANCE.createLabelSchema();
        schema.setName("ChestX-ray14");
        schema.setVersion("2017");
        for (String code : FINDINGS) {
            Finding finding = LightboxFactory.eINSTANCE.createFinding();
            finding.setCode(code);
            finding.setDisplayName(code.replace('_', ' '));
            schema.getFindings().add(finding);
        }
        return schema;
    }
}
