/** A signature drawn on the screen: the PNG's bytes and something an Image can show. */
export interface DrawnSignature {
  readonly dataBase64: string;
  readonly preview: string;
}

export interface SignaturePadProps {
  /** What is signed, e.g. 检查人员签名. */
  readonly label: string;
  readonly onDone: (signature: DrawnSignature) => void;
}
